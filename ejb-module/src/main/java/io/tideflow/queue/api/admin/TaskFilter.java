package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;

/**
 * Which tasks to list; a {@code null} component does not filter.
 *
 * @param after the keyset cursor: list only tasks older than this one ({@link TaskPage#next()} of the previous page)
 */
public record TaskFilter(TaskState state, String type, String group, TaskId after) {

    public TaskFilter {
        FilterValues.text("type", type, 200);
        FilterValues.text("group", group, 100);
    }

    /** A filter that matches every task. */
    public static TaskFilter all() {
        return new TaskFilter(null, null, null, null);
    }
}
