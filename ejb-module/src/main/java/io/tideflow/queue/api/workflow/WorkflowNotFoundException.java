package io.tideflow.queue.api.workflow;

import io.tideflow.queue.api.TideflowException;
import jakarta.ejb.ApplicationException;

/** No workflow has the id asked for. */
@ApplicationException(rollback = false, inherited = true)
public class WorkflowNotFoundException extends TideflowException {
    private static final long serialVersionUID = 1L;

    public WorkflowNotFoundException(String id) {
        super("no workflow has the id '" + id + "'");
    }
}
