package io.tideflow.queue.api;

/**
 * CDI event fired when a task was enqueued. Observe it with {@code during = TransactionPhase.AFTER_SUCCESS} to see
 * only tasks whose transaction committed.
 */
public record TaskEnqueued(TaskId id, String type, String group, int priority) {
}
