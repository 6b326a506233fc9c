package io.tideflow.admin.web.session;

import io.tideflow.queue.api.TideflowException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a console action for operators only. Viewers never see the controls, but a forged request could still post
 * one: it is refused here, on the server, with a 403 and a message, and nothing happens.
 */
@ApplicationScoped
public class OperatorActions {

    private static final Logger LOG = Logger.getLogger(OperatorActions.class.getName());

    /**
     * Runs {@code action} when the user is an operator and shows what it returns as the message of the page that
     * follows. Returns the outcome that redirects to the same view with its parameters (post, redirect, get: a
     * reload or a double click does not post again), or null to stay on the page with the refusal.
     */
    public String run(String what, Supplier<String> action) {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        if (!ConsoleRoles.mayAct(request)) {
            LOG.warning(() -> "console action '" + what + "' refused for " + request.getRemoteUser()
                    + ": not a tideflow-operator");
            faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            "Not allowed: " + what + " needs the role tideflow-operator.",
                            null));
            return null;
        }
        try {
            String outcome = action.get();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, outcome, null));
        } catch (RuntimeException failure) {
            TideflowException refusal = refusalIn(failure);
            if (refusal == null) {
                throw failure;
            }
            // the page was stale (the task moved on meanwhile) or the input was refused: say so, on the page
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, refusal.getMessage(), null));
        }
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    private static TideflowException refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TideflowException known) {
                return known;
            }
        }
        return null;
    }
}
