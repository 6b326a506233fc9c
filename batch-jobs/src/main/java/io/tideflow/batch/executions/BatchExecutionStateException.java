package io.tideflow.batch.executions;

import io.tideflow.queue.api.TideflowException;

/** The execution's status, or where it runs, does not allow what was asked. */
public class BatchExecutionStateException extends TideflowException {
    private static final long serialVersionUID = 1L;

    public BatchExecutionStateException(String message) {
        super(message);
    }
}
