package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import java.time.Instant;

/**
 * Which tasks to list; a {@code null} component does not filter.
 *
 * @param after the keyset cursor: list only tasks older than this one ({@link TaskPage#next()} of the previous page)
 * @param createdFrom only tasks created at or after this instant
 * @param createdTo only tasks created before this instant
 * @param idempotencyKey only the task submitted with this key
 */
public record TaskFilter(
        TaskState state,
        String type,
        String group,
        TaskId after,
        Instant createdFrom,
        Instant createdTo,
        String idempotencyKey) {

    public TaskFilter {
        FilterValues.text("type", type, 200);
        FilterValues.text("group", group, 100);
        FilterValues.instant("createdFrom", createdFrom);
        FilterValues.instant("createdTo", createdTo);
        FilterValues.text("idempotencyKey", idempotencyKey, 200);
    }

    /** A filter on state, type and group only. */
    public TaskFilter(TaskState state, String type, String group, TaskId after) {
        this(state, type, group, after, null, null, null);
    }

    /** The same filter from another keyset cursor. */
    public TaskFilter after(TaskId cursor) {
        return new TaskFilter(state, type, group, cursor, createdFrom, createdTo, idempotencyKey);
    }

    /** A filter that matches every task. */
    public static TaskFilter all() {
        return new TaskFilter(null, null, null, null);
    }
}
