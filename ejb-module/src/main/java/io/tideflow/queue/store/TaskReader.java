package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskPage;
import io.tideflow.queue.api.admin.TaskView;
import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlNull;
import io.tideflow.queue.sql.SqlRunner;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The task store's read side: snapshots as records, never entities. */
public class TaskReader {

    /** A row of {@code task.page}: everything but the payload and the result, which a list does not show. */
    private static final RowMapper<TaskView> LISTED = row -> new TaskView(
            TaskId.of(row.getString(1).trim()),
            row.getString(2),
            row.getString(3),
            TaskState.valueOf(row.getString(4).trim()),
            row.getInt(5),
            row.getInt(6),
            row.getInt(7),
            Instant.ofEpochMilli(row.getLong(8)),
            Instant.ofEpochMilli(row.getLong(9)),
            Instant.ofEpochMilli(row.getLong(10)),
            row.getString(11),
            null,
            null,
            null,
            row.getInt(12) != 0,
            row.getString(13) == null ? null : TaskId.of(row.getString(13).trim()));

    private final EntityManager em;
    private final SqlRunner sql;

    public TaskReader(EntityManager em, StoreDialect dialect) {
        this.em = em;
        this.sql = dialect.on(em);
    }

    public Optional<TaskView> find(TaskId id) {
        TaskEntity task = em.find(TaskEntity.class, id.value());
        if (task == null) {
            return Optional.empty();
        }
        TaskResultEntity result = em.find(TaskResultEntity.class, id.value());
        return Optional.of(new TaskView(
                TaskId.of(task.getId()),
                task.getType(),
                task.getResourceGroup(),
                task.getState(),
                task.getPriority(),
                task.getAttempts(),
                task.getMaxAttempts(),
                Instant.ofEpochMilli(task.getRunAt()),
                Instant.ofEpochMilli(task.getCreatedAt()),
                Instant.ofEpochMilli(task.getUpdatedAt()),
                task.getLastError(),
                task.getPayload(),
                result == null ? null : result.getResult(),
                result == null ? null : result.getExecutionMs(),
                task.isCancelRequested(),
                task.getRequeuedFrom() == null
                        ? null
                        : TaskId.of(task.getRequeuedFrom().trim())));
    }

    /** Newest first, one page after {@code filter.after()}; every filter is a bound parameter of one statement. */
    public TaskPage list(TaskFilter filter, int limit) {
        String state = filter.state() == null ? null : filter.state().name();
        String after = filter.after() == null ? null : filter.after().value();
        List<TaskView> rows = sql.list(
                "task.page",
                limit + 1,
                LISTED,
                state,
                state,
                filter.type(),
                filter.type(),
                filter.group(),
                filter.group(),
                after,
                after,
                millisOf(filter.createdFrom()),
                millisOf(filter.createdFrom()),
                millisOf(filter.createdTo()),
                millisOf(filter.createdTo()),
                filter.idempotencyKey(),
                filter.idempotencyKey(),
                limit + 1);
        List<TaskView> items = rows.size() > limit ? rows.subList(0, limit) : rows;
        TaskId next = rows.size() > limit ? items.get(items.size() - 1).id() : null;
        return new TaskPage(List.copyOf(items), next);
    }

    /** An instant as its column holds it, or a BIGINT NULL (a text NULL would not compare with a number). */
    public static Object millisOf(Instant instant) {
        return SqlNull.bigint(instant == null ? null : instant.toEpochMilli());
    }
}
