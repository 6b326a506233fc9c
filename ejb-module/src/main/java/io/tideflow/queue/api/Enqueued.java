package io.tideflow.queue.api;

import io.tideflow.queue.api.admin.TaskView;

/**
 * What one enqueue did with one request.
 *
 * @param id the task that stands for the request
 * @param created true when this call created the task; false when a task already held the request's idempotency key
 *        (enqueued earlier, concurrently, or by an earlier request of the same list)
 * @param task the task as this call wrote it (PENDING, no attempt yet), when it created one task alone; null when it
 *        found the task, and for the tasks of a list
 */
public record Enqueued(TaskId id, boolean created, TaskView task) {

    public Enqueued(TaskId id, boolean created) {
        this(id, created, null);
    }
}
