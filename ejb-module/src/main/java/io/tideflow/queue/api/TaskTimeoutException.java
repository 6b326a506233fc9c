package io.tideflow.queue.api;

import java.time.Duration;

/** An attempt ran longer than its type's timeout; it counts as a failed attempt and is retried. */
public class TaskTimeoutException extends TideflowException {
    private static final long serialVersionUID = 1L;

    public TaskTimeoutException(TaskId id, String type, Duration timeout) {
        super("task " + id + " of type '" + type + "' ran longer than its timeout of " + timeout);
    }
}
