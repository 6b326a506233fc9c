package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskNotFoundException;
import java.util.Optional;

/** Reads tasks. Results are snapshots (records), never live entities. */
public interface TaskQueries {

    /** The task with this id, with its result when it has completed. */
    Optional<TaskView> find(TaskId id);

    /**
     * One page of tasks, newest first, matching the filter.
     *
     * @param limit 1 to 500 tasks
     */
    TaskPage list(TaskFilter filter, int limit);

    /**
     * One page of tasks matching the filter, most recently changed first (the filter's {@code after} must be empty:
     * this listing has its own cursor).
     *
     * @param after where the previous page stopped, or {@code null} for the first page
     * @param limit 1 to 500 tasks
     */
    TaskChangePage listByLastChange(TaskFilter filter, TaskChangeCursor after, int limit);

    /**
     * Every transition of a task, oldest first.
     *
     * @throws TaskNotFoundException when no task has this id
     */
    java.util.List<TaskEventView> history(TaskId id);

    /** The nodes that share the database, alive or gone, by id. */
    java.util.List<NodeView> nodes();
}
