package io.tideflow.admin.web;

import io.tideflow.admin.rest.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page for responses the container writes itself (401 before a login, 403 for a missing role, 404 for a
 * path nothing serves, 400 for a header the runtime cannot read, a failure before Tideflow's code), so that API
 * clients get a problem document there too, never the server's HTML page or a stack trace.
 */
@WebServlet("/problem")
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProblemErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : response.getStatus();
        if (status == 500 && BasicCredentials.isMalformed(request.getHeader("Authorization"))) {
            // the server's authentication failed on credentials it cannot decode: the client's error, not the server's
            status = 401;
            response.setHeader("WWW-Authenticate", BasicCredentials.CHALLENGE);
        } else if (status >= 500) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            LOG.log(Level.SEVERE, "request failed before reaching Tideflow's API: status " + status, (Throwable)
                    (failure instanceof Throwable ? failure : null));
        }
        response.setStatus(status);
        Problem problem = problemFor(status);
        if (isConsolePage(request)) {
            ConsoleErrorPage.write(response, problem, request.getContextPath());
            return;
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.toJson());
    }

    /** A browser on a console page gets a page it can read, with the way back; API clients get JSON. */
    private static boolean isConsolePage(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path && path.startsWith(request.getContextPath() + "/console/");
    }

    private static Problem problemFor(int status) {
        return switch (status) {
            case 400 -> new Problem(400, "Bad Request", "the request could not be read (a header or the URL)", null);
            case 401 ->
                new Problem(
                        401, "Unauthorized", "authentication is required: use HTTP Basic with a Tideflow user", null);
            case 403 ->
                new Problem(
                        403,
                        "Forbidden",
                        "your user lacks the role for this request (reads need tideflow-viewer, writes tideflow-operator)",
                        null);
            case 404 -> new Problem(404, "Not Found", "nothing is served at this path", null);
            case 405 -> new Problem(405, "Method Not Allowed", "this path does not take this method", null);
            case 406 -> new Problem(406, "Not Acceptable", "the API answers application/json only", null);
            case 413 -> new Problem(413, "Content Too Large", "the request body is larger than the server takes", null);
            case 415 -> new Problem(415, "Unsupported Media Type", "send application/json", null);
            default -> new Problem(status, "Error", "the request failed; see the server log", null);
        };
    }
}
