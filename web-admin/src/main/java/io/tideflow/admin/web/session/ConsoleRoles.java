package io.tideflow.admin.web.session;

import jakarta.servlet.http.HttpServletRequest;

/** The two roles of the API, as the console reads them: viewers see everything, operators also act. */
public final class ConsoleRoles {

    public static final String VIEWER = "tideflow-viewer";
    public static final String OPERATOR = "tideflow-operator";

    private ConsoleRoles() {}

    static boolean mayView(HttpServletRequest request) {
        return request.isUserInRole(VIEWER) || request.isUserInRole(OPERATOR);
    }

    static boolean mayAct(HttpServletRequest request) {
        return request.isUserInRole(OPERATOR);
    }
}
