package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskChangeCursor;
import io.tideflow.queue.api.admin.TaskChangePage;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskPage;
import io.tideflow.queue.api.admin.TaskView;
import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlNull;
import io.tideflow.queue.sql.SqlRunner;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
                task.getExecutionMs(),
                task.isCancelRequested(),
                task.getRequeuedFrom() == null
                        ? null
                        : TaskId.of(task.getRequeuedFrom().trim())));
    }

    /** Newest first, one page after {@code filter.after()}; every filter is a bound parameter of one statement. */
    public TaskPage list(TaskFilter filter, int limit) {
        String state = filter.state() == null ? null : filter.state().name();
        String after = filter.after() == null ? null : filter.after().value();
        List<TaskView> rows =
                sql.list("task.page", limit + 1, LISTED, parameters(filter, limit, state, state, after, after));
        List<TaskView> items = rows.size() > limit ? rows.subList(0, limit) : rows;
        TaskId next = rows.size() > limit ? items.get(items.size() - 1).id() : null;
        return new TaskPage(List.copyOf(items), next);
    }

    /**
     * Most recently changed first, one page after {@code after}: one keyset page per state (the filter's or every
     * state), merged, so that each read is a walk down the (state, updated_at) index that stops after a page.
     */
    public TaskChangePage listByLastChange(TaskFilter filter, TaskChangeCursor after, int limit) {
        List<TaskState> states = filter.state() == null ? List.of(TaskState.values()) : List.of(filter.state());
        Object afterMillis = millisOf(after == null ? null : after.updatedAt());
        String afterId = after == null ? null : after.id().value();
        List<TaskView> rows = new ArrayList<>();
        for (TaskState state : states) {
            Object[] parameters =
                    parameters(filter, limit, state.name(), afterMillis, afterMillis, afterMillis, afterId);
            rows.addAll(sql.list("task.pageOfStateByChange", limit + 1, LISTED, parameters));
        }
        rows.sort(Comparator.comparing(TaskView::updatedAt)
                .thenComparing(TaskView::id)
                .reversed());
        List<TaskView> items = rows.size() > limit ? rows.subList(0, limit) : rows;
        TaskView last = items.isEmpty() ? null : items.get(items.size() - 1);
        TaskChangeCursor next = rows.size() > limit ? new TaskChangeCursor(last.updatedAt(), last.id()) : null;
        return new TaskChangePage(List.copyOf(items), next);
    }

    /** A listing's parameters: its own first, then the filters every listing shares, then how many (one more). */
    private static Object[] parameters(TaskFilter filter, int limit, Object... first) {
        Object createdFrom = millisOf(filter.createdFrom());
        Object createdTo = millisOf(filter.createdTo());
        List<Object> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(Arrays.asList(
                filter.type(),
                filter.type(),
                filter.group(),
                filter.group(),
                createdFrom,
                createdFrom,
                createdTo,
                createdTo,
                filter.idempotencyKey(),
                filter.idempotencyKey(),
                limit + 1));
        return all.toArray();
    }

    /** An instant as its column holds it, or a BIGINT NULL (a text NULL would not compare with a number). */
    public static Object millisOf(Instant instant) {
        return SqlNull.bigint(instant == null ? null : instant.toEpochMilli());
    }
}
