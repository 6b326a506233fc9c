package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TideflowException;
import jakarta.ejb.ApplicationException;

/** Every export slot of this node is taken ({@code tideflow.export.max-concurrent}): try again later. */
// a client's to handle, like any refusal: its transaction stays usable and the server does not log it
@ApplicationException(rollback = false, inherited = true)
public class ExportsBusyException extends TideflowException {

    private static final long serialVersionUID = 1L;

    public ExportsBusyException(int slots) {
        super("all " + slots
                + " export slots of this node are taken (tideflow.export.max-concurrent); try again later");
    }
}
