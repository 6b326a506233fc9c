package io.tideflow.admin.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.logging.Logger;

/** The console's login form: checks the user against the server's realm and keeps the login in the session. */
@Named
@RequestScoped
public class ConsoleLogin {

    private static final Logger LOG = Logger.getLogger(ConsoleLogin.class.getName());
    static final String DASHBOARD = "/console/index.xhtml";

    private String username;
    private String password;
    private String next;

    public void logIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.getSession(true); // the login is kept in the session only when one exists before it
        try {
            if (request.getRemoteUser() != null) {
                request.logout();
            }
            request.login(username, password);
        } catch (ServletException refused) {
            LOG.fine(() -> "console login refused for " + username + ": " + refused.getMessage());
            faces.addMessage(null, error("Unknown user or wrong password."));
            return;
        }
        if (!ConsoleRoles.mayView(request)) {
            logOutQuietly(request);
            faces.addMessage(null, error("User " + username + " has neither tideflow-viewer nor tideflow-operator."));
            return;
        }
        request.changeSessionId(); // a session id known before the login must not carry the login
        external.redirect(request.getContextPath() + safeTarget(next));
    }

    /** Only a console page of this application: the parameter must not send a user elsewhere after the login. */
    static String safeTarget(String next) {
        if (next == null
                || !next.startsWith("/console/")
                || next.contains("//")
                || next.contains("\\")
                || next.startsWith(ConsoleAccessFilter.LOGIN_PAGE)) {
            return DASHBOARD;
        }
        return next;
    }

    private static void logOutQuietly(HttpServletRequest request) {
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.fine(() -> "logout after a refused console login failed: " + e.getMessage());
        }
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
