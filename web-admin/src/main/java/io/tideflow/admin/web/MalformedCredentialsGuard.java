package io.tideflow.admin.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;

/**
 * WildFly's authentication throws on Basic credentials it cannot decode, and Undertow logs that at ERROR for every
 * such request and answers 500: anyone could fill the log. This runs ahead of the authentication (Undertow loads it
 * from {@code META-INF/services}; other servers ignore it) and answers such a request 401 with a problem itself.
 */
public class MalformedCredentialsGuard implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(MalformedCredentialsGuard::guard);
    }

    private static HttpHandler guard(HttpHandler next) {
        return exchange -> {
            if (BasicCredentials.isMalformed(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
                refuse(exchange);
                return;
            }
            next.handleRequest(exchange);
        };
    }

    private static void refuse(HttpServerExchange exchange) {
        exchange.setStatusCode(401);
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, BasicCredentials.CHALLENGE);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json;charset=UTF-8");
        exchange.getResponseSender().send(BasicCredentials.MALFORMED.toJson());
    }
}
