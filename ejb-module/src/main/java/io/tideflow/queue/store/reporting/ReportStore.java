package io.tideflow.queue.store.reporting;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskReportFilter;
import io.tideflow.queue.api.admin.TaskReportRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reports' queries over {@code tasks}. Filters become conditions with bound parameters; nothing of a filter's
 * values is ever part of the SQL text.
 */
public class ReportStore {

    /** Rows fetched per round trip by the export's cursor: memory stays constant whatever the total. */
    static final int EXPORT_FETCH_SIZE = 500;

    private final EntityManager em;

    public ReportStore(EntityManager em) {
        this.em = em;
    }

    public List<TaskReportRow> taskReport(TaskReportFilter filter) {
        Conditions where = new Conditions();
        where.equal("t.resource_group", filter.group());
        where.equal("t.type", filter.type());
        where.equal("t.state", filter.state() == null ? null : filter.state().name());
        where.atLeast(
                "t.created_at",
                filter.createdFrom() == null ? null : filter.createdFrom().toEpochMilli());
        where.below(
                "t.created_at",
                filter.createdTo() == null ? null : filter.createdTo().toEpochMilli());
        String sql =
                "SELECT t.resource_group, t.type, t.state, COUNT(*), AVG(CAST(r.execution_ms AS DOUBLE PRECISION)),"
                        + " MAX(r.execution_ms) FROM tasks t LEFT JOIN task_results r ON r.task_id = t.id" + where.sql()
                        + " GROUP BY t.resource_group, t.type, t.state ORDER BY t.resource_group, t.type, t.state";
        List<TaskReportRow> rows = new ArrayList<>();
        try (PreparedStatement query = connection().prepareStatement(sql)) {
            where.bind(query);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    double avg = result.getDouble(5);
                    Double average = result.wasNull() ? null : avg;
                    long max = result.getLong(6);
                    Long longest = result.wasNull() ? null : max;
                    rows.add(new TaskReportRow(
                            result.getString(1),
                            result.getString(2),
                            TaskState.valueOf(result.getString(3).trim()),
                            result.getLong(4),
                            average,
                            longest));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PersistenceException("the task report failed", e);
        }
    }

    /**
     * Hands every task the filter selects to {@code sink} from a forward-only cursor, in the order the database reads
     * them: no ORDER BY, and the result looked up per row rather than joined, because a sort or a hash join would hold
     * the whole export in the database's memory before the first row came out.
     */
    public long export(TaskFilter filter, Consumer<ExportedTask> sink) {
        Conditions where = new Conditions();
        where.equal("t.resource_group", filter.group());
        where.equal("t.type", filter.type());
        where.equal("t.state", filter.state() == null ? null : filter.state().name());
        String sql = "SELECT t.id, t.type, t.resource_group, t.state, t.priority, t.run_at, t.created_at, t.updated_at,"
                + " t.attempts, t.max_attempts, t.last_error, t.payload,"
                + " (SELECT r.result FROM task_results r WHERE r.task_id = t.id),"
                + " (SELECT r.execution_ms FROM task_results r WHERE r.task_id = t.id)"
                + " FROM tasks t" + where.sql();
        long written = 0;
        try (PreparedStatement query =
                connection().prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(EXPORT_FETCH_SIZE);
            where.bind(query);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long executionMs = rows.getLong(14);
                    Long execution = rows.wasNull() ? null : executionMs;
                    sink.accept(new ExportedTask(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4).trim(),
                            rows.getInt(5),
                            rows.getLong(6),
                            rows.getLong(7),
                            rows.getLong(8),
                            rows.getInt(9),
                            rows.getInt(10),
                            rows.getString(11),
                            rows.getString(12),
                            rows.getString(13),
                            execution));
                    written++;
                }
            }
            return written;
        } catch (SQLException e) {
            throw new PersistenceException("exporting tasks failed after " + written + " rows", e);
        }
    }

    private Connection connection() {
        // the persistence context's own connection: in its transaction, PostgreSQL keeps the cursor open
        return em.unwrap(Connection.class);
    }

    /** A WHERE clause of column conditions whose values are bound, in order. */
    private static final class Conditions {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> values = new ArrayList<>();

        void equal(String column, Object value) {
            add(column + " = ?", value);
        }

        void atLeast(String column, Object value) {
            add(column + " >= ?", value);
        }

        void below(String column, Object value) {
            add(column + " < ?", value);
        }

        private void add(String condition, Object value) {
            if (value == null) {
                return;
            }
            sql.append(values.isEmpty() ? " WHERE " : " AND ").append(condition);
            values.add(value);
        }

        String sql() {
            return sql.toString();
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
        }
    }
}
