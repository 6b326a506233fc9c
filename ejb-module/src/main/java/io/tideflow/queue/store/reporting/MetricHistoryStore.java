package io.tideflow.queue.store.reporting;

import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.StoreDialect;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.OptionalLong;

/** The {@code metrics} and {@code metric_rollups} tables, in the caller's transaction. */
public class MetricHistoryStore {

    private static final int BATCH = 500;

    private final SqlRunner sql;

    public MetricHistoryStore(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
    }

    /** Inserts the rows in JDBC batches. */
    public void insertAll(List<MetricRow> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            sql.batch("metric.insert", rows.subList(from, Math.min(rows.size(), from + BATCH)), row -> new Object[] {
                row.ts(),
                row.resolution().name(),
                row.group(),
                row.metricType(),
                row.node(),
                row.value(),
                row.metadata(),
                row.writer(),
                row.type()
            });
        }
    }

    /** Deletes the rows one node start wrote for one minute, so that it can write the minute's figures again. */
    public int deleteWritten(long minute, String node, String writer) {
        return sql.update("metric.deleteWritten", Resolution.MINUTE.name(), minute, node, writer);
    }

    /**
     * The groups' and nodes' rows of one resolution with {@code from <= ts < to}, of one group or (null) all, oldest
     * first.
     */
    public List<MetricRow> between(Resolution resolution, long from, long to, String group) {
        return sql.list("metric.between", row -> rowOf(resolution, row), resolution.name(), from, to, group, group);
    }

    /** Every group's and node's rows of one figure and resolution with {@code from <= ts < to}, oldest first. */
    public List<MetricRow> figureBetween(Resolution resolution, long from, long to, String metric) {
        return sql.list("metric.figureBetween", row -> rowOf(resolution, row), resolution.name(), from, to, metric);
    }

    /** The rows per task type of one resolution with {@code from <= ts < to}, oldest first. */
    public List<MetricRow> typesBetween(Resolution resolution, long from, long to) {
        return sql.list("metric.typesBetween", row -> rowOf(resolution, row), resolution.name(), from, to);
    }

    private static MetricRow rowOf(Resolution resolution, java.sql.ResultSet row) throws java.sql.SQLException {
        return new MetricRow(
                row.getLong(1),
                resolution,
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getDouble(5),
                row.getString(6),
                row.getString(7),
                row.getString(8));
    }

    /** The start of the oldest row of a resolution, if there is one. */
    public OptionalLong oldest(Resolution resolution) {
        return sql.first(
                        "metric.oldest",
                        row -> {
                            long oldest = row.getLong(1);
                            return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(oldest);
                        },
                        resolution.name())
                .orElse(OptionalLong.empty());
    }

    /** Up to where (exclusive, epoch ms) the hours have been rolled up. */
    public long rolledUntil(Resolution resolution) {
        return sql.first("metric.rolledUntil", row -> row.getLong(1), resolution.name())
                .orElse(0L);
    }

    /**
     * Moves the rollup progress from {@code expected} to {@code until}; false when another node moved it first (then
     * that node rolls this range up, and this one must not).
     */
    public boolean advanceRollup(Resolution resolution, long expected, long until) {
        return sql.update("metric.advanceRollup", until, resolution.name(), expected) == 1;
    }

    /** Deletes every hour row (groups', nodes' and types') with {@code from <= ts < to}; returns how many. */
    public int deleteHoursBetween(long from, long to) {
        return sql.update("metric.deleteHoursBetween", from, to);
    }

    /** Moves the hours' rollup progress to {@code until} unless it is there already or further. */
    public void rolledAtLeastUntil(long until) {
        sql.update("metric.rolledAtLeastUntil", until, until);
    }

    /** Deletes the rows of a resolution older than {@code before}; returns how many. */
    public int deleteOlderThan(Resolution resolution, long before) {
        return sql.update("metric.deleteOlderThan", resolution.name(), before);
    }
}
