package io.tideflow.admin.web;

import io.tideflow.admin.rest.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for responses the container writes itself (401 before a login, 403 for a missing role), so that
 * API clients get a problem document there too.
 */
@WebServlet("/problem")
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : response.getStatus();
        String detail = switch (status) {
            case 401 -> "authentication is required: use HTTP Basic with a Tideflow user";
            case 403 ->
                "your user lacks the role for this request (reads need tideflow-viewer, writes tideflow-operator)";
            default -> "the request failed";
        };
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(new Problem(
                                status,
                                status == 401 ? "Unauthorized" : status == 403 ? "Forbidden" : "Error",
                                detail,
                                null)
                        .toJson());
    }
}
