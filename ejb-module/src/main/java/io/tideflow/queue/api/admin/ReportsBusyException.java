package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TideflowException;
import jakarta.ejb.ApplicationException;

/** Every report slot of this node is taken ({@code tideflow.reports.max-concurrent}): try again shortly. */
// a client's to handle, like any refusal: its transaction stays usable and the server does not log it
@ApplicationException(rollback = false, inherited = true)
public class ReportsBusyException extends TideflowException {

    private static final long serialVersionUID = 1L;

    public ReportsBusyException(int slots) {
        super("all " + slots
                + " report slots of this node are taken (tideflow.reports.max-concurrent); try again shortly");
    }
}
