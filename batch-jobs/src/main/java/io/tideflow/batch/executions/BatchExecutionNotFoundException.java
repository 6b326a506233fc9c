package io.tideflow.batch.executions;

import io.tideflow.queue.api.TideflowException;

/** No execution Tideflow started has the id. */
public class BatchExecutionNotFoundException extends TideflowException {
    private static final long serialVersionUID = 1L;

    public BatchExecutionNotFoundException(long executionId) {
        super("batch execution " + executionId + " does not exist (or was not started by Tideflow)");
    }
}
