package io.tideflow.queue.store.reporting;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskReportFilter;
import io.tideflow.queue.api.admin.TaskReportRow;
import io.tideflow.queue.sql.SqlNull;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.StoreDialect;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reports' queries over {@code tasks}: one statement each, whose optional filters are always bound (NULL: any),
 * so nothing of a filter is ever part of the SQL text.
 */
public class ReportStore {

    /** Rows fetched per round trip by the export's cursor: memory stays constant whatever the total. */
    static final int EXPORT_FETCH_SIZE = 500;

    private final SqlRunner sql;

    public ReportStore(EntityManager em, StoreDialect dialect) {
        // the persistence context's own connection: in its transaction, PostgreSQL keeps the cursor open
        this.sql = dialect.on(em);
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
     * Hands every task the filter selects to {@code sink} from a forward-only cursor, in the order the database reads
     * them (see {@code report.export}).
     */
    public long export(TaskFilter filter, Consumer<ExportedTask> sink) {
        String state = filter.state() == null ? null : filter.state().name();
        return sql.stream(
                "report.export",
                EXPORT_FETCH_SIZE,
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
                sink,
                filter.group(),
                filter.group(),
                filter.type(),
                filter.type(),
                state,
                state);
    }

    private static Object millis(Instant instant) {
        return instant == null ? SqlNull.BIGINT : (Object) instant.toEpochMilli();
    }
}
