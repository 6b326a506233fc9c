package io.tideflow.admin.web.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Lets only logged-in users with a Tideflow role reach the console's pages. The container's constraints cannot do it:
 * the application's login configuration is HTTP Basic for the API, which would answer a browser with a password
 * dialog instead of the console's login page.
 */
@WebFilter("/console/*")
public class ConsoleAccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String LOGIN_PAGE = "/console/login.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (LOGIN_PAGE.equals(path)) {
            chain.doFilter(request, response);
        } else if (request.getRemoteUser() == null) {
            sendToLogin(request, response);
        } else if (!ConsoleRoles.mayView(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } else {
            response.setHeader("Cache-Control", "no-store");
            chain.doFilter(request, response);
        }
    }

    private static void sendToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String login = request.getContextPath() + LOGIN_PAGE;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // an Ajax request (the dashboard's poll) cannot follow a 302: Faces' own redirect instruction can
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + login
                            + "?expired=true\"/></partial-response>");
            return;
        }
        String target =
                request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        response.sendRedirect(login + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }
}
