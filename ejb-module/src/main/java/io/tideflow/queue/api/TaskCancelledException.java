package io.tideflow.queue.api;

/**
 * Thrown by a handler that stops because {@link TaskContext#isCancellationRequested()} became true: the task ends
 * CANCELLED and its transactional work is rolled back.
 */
public class TaskCancelledException extends TideflowException {
    private static final long serialVersionUID = 1L;

    public TaskCancelledException(TaskId id) {
        super("task " + id + " stopped on a cancel request");
    }
}
