// Swagger UI on the server's OpenAPI description of Tideflow's REST API. "Authorize" takes a user of the realm;
// "Try it out" then calls the API as that user.
(function () {
    var root = document.getElementById('swagger-ui');
    window.ui = SwaggerUIBundle({
        url: root.getAttribute('data-description'),
        domNode: root,
        deepLinking: true,
        tryItOutEnabled: false
    });
}());
