package io.tideflow.queue.store.reporting;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskReportFilter;
import io.tideflow.queue.api.admin.TaskReportRow;
import io.tideflow.queue.sql.SqlNull;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.StoreDialect;
import io.tideflow.queue.store.TaskReader;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reports' queries over {@code tasks}: one statement each, whose optional filters are always bound (NULL: any),
 * so nothing of a filter is ever part of the SQL text.
 */
public class ReportStore {

    /** How long a report's query may run before the database cancels it: reports never hold the pool for long. */
    public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

    private final SqlRunner sql;

    public ReportStore(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em).withQueryTimeout(QUERY_TIMEOUT);
    }

    public List<TaskReportRow> taskReport(TaskReportFilter filter) {
        String state = filter.state() == null ? null : filter.state().name();
        Object from = millis(filter.createdFrom());
        Object to = millis(filter.createdTo());
        return sql.list(
                "report.tasks",
                row -> {
                    double avg = row.getDouble(5);
                    Double average = row.wasNull() ? null : avg;
                    long max = row.getLong(6);
                    Long longest = row.wasNull() ? null : max;
                    return new TaskReportRow(
                            row.getString(1),
                            row.getString(2),
                            TaskState.valueOf(row.getString(3).trim()),
                            row.getLong(4),
                            average,
                            longest);
                },
                filter.group(),
                filter.group(),
                filter.type(),
                filter.type(),
                state,
                state,
                from,
                from,
                to,
                to);
    }

    /**
     * The next {@code size} tasks the filter selects after {@code afterId} (empty: from the first), in id order: one
     * chunk of an export, read in the caller's short transaction.
     */
    public List<ExportedTask> exportChunk(TaskFilter filter, String afterId, int size) {
        String state = filter.state() == null ? null : filter.state().name();
        return sql.list(
                "report.exportChunk",
                row -> {
                    long executionMs = row.getLong(14);
                    Long execution = row.wasNull() ? null : executionMs;
                    return new ExportedTask(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4).trim(),
                            row.getInt(5),
                            row.getLong(6),
                            row.getLong(7),
                            row.getLong(8),
                            row.getInt(9),
                            row.getInt(10),
                            row.getString(11),
                            row.getString(12),
                            row.getString(13),
                            execution);
                },
                afterId,
                filter.group(),
                filter.group(),
                filter.type(),
                filter.type(),
                state,
                state,
                TaskReader.millisOf(filter.createdFrom()),
                TaskReader.millisOf(filter.createdFrom()),
                TaskReader.millisOf(filter.createdTo()),
                TaskReader.millisOf(filter.createdTo()),
                filter.idempotencyKey(),
                filter.idempotencyKey(),
                size);
    }

    private static Object millis(Instant instant) {
        return instant == null ? SqlNull.BIGINT : (Object) instant.toEpochMilli();
    }
}
