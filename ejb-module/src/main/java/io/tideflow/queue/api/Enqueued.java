package io.tideflow.queue.api;

/**
 * What one enqueue did with one request.
 *
 * @param id the task that stands for the request
 * @param created true when this call created the task; false when a task already held the request's idempotency key
 *        (enqueued earlier, concurrently, or by an earlier request of the same list)
 */
public record Enqueued(TaskId id, boolean created) {}
