package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskEventView;
import io.tideflow.queue.model.Transition;
import io.tideflow.queue.sql.SqlRunner;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Appends transitions to {@code task_events} in the caller's transaction, and reads a task's history back. */
public class TaskHistory {

    private final SqlRunner sql;
    private final String node;

    public TaskHistory(EntityManager em, String node, StoreDialect dialect) {
        this.sql = dialect.on(em);
        this.node = node;
    }

    /** The edge {@code transition} took, for one task. */
    void append(String taskId, Transition transition, Instant at, int attempt, String detail) {
        sql.update(
                "event.append",
                taskId,
                transition.from().name(),
                transition.to().name(),
                at.toEpochMilli(),
                node,
                attempt,
                ColumnText.fit(detail, ColumnText.ERROR_CHARS),
                taskId);
    }

    /** The first event of a new task ({@link Transition#ENQUEUE}): its place is 0, so no count is needed. */
    void appendEnqueued(String taskId, Instant at, String detail) {
        sql.update(
                "event.appendEnqueued",
                taskId,
                at.toEpochMilli(),
                node,
                ColumnText.fit(detail, ColumnText.ERROR_CHARS));
    }

    /**
     * The parameters of an enqueue in one statement ({@link StoreDialect#enqueueInOneStatement}): the task's, then
     * this node and the detail of its first history row, as {@link #appendEnqueued} writes them.
     */
    Object[] withFirstRecord(Object[] taskParameters, String detail) {
        Object[] parameters = Arrays.copyOf(taskParameters, taskParameters.length + 2);
        parameters[taskParameters.length] = node;
        parameters[taskParameters.length + 1] = ColumnText.fit(detail, ColumnText.ERROR_CHARS);
        return parameters;
    }

    public List<TaskEventView> of(TaskId id) {
        return sql.list(
                "event.ofTask",
                row -> {
                    String from = row.getString(1);
                    return new TaskEventView(
                            from == null ? null : TaskState.valueOf(from.trim()),
                            TaskState.valueOf(row.getString(2).trim()),
                            Instant.ofEpochMilli(row.getLong(3)),
                            row.getString(4),
                            row.getInt(5),
                            row.getString(6));
                },
                id.value());
    }
}
