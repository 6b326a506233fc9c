package io.tideflow.admin.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The logged-in user as pages see it: the name, whether action controls are shown, and the logout. */
@Named
@RequestScoped
public class ConsoleUser {

    public String getName() {
        return request().getRemoteUser();
    }

    /** Whether the user may act; pages render action controls only then, and every action checks it again. */
    public boolean isOperator() {
        return ConsoleRoles.mayAct(request());
    }

    public String getRole() {
        return isOperator() ? ConsoleRoles.OPERATOR : ConsoleRoles.VIEWER;
    }

    public void logOut() throws IOException, ServletException {
        HttpServletRequest request = request();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(request.getContextPath() + ConsoleAccessFilter.LOGIN_PAGE + "?loggedOut=true");
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
