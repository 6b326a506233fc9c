package io.tideflow.queue.store.reporting;

import io.tideflow.queue.api.admin.Insight;
import io.tideflow.queue.api.admin.InsightSet;
import io.tideflow.queue.api.admin.InsightSeverity;
import io.tideflow.queue.sql.SqlNull;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.StoreDialect;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** The {@code insights} table, in the caller's transaction. */
public class InsightStore {

    private final SqlRunner sql;

    public InsightStore(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
    }

    /** Writes one analysis' insights as a set computed at {@code at}. */
    public void insertAll(Instant at, List<Insight> insights) {
        sql.batch("insight.insert", insights, insight -> new Object[] {
            at.toEpochMilli(),
            insight.kind(),
            insight.severity().name(),
            insight.group(),
            insight.type(),
            insight.node(),
            insight.observed(),
            insight.baseline() == null ? SqlNull.DOUBLE : insight.baseline(),
            insight.message().length() > 1000 ? insight.message().substring(0, 997) + "..." : insight.message()
        });
    }

    /** The newest set, in the order it was written; empty with no time before the first. */
    public InsightSet newest() {
        OptionalLong at = sql.first("insight.newestAt", row -> {
                    long newest = row.getLong(1);
                    return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(newest);
                })
                .orElse(OptionalLong.empty());
        if (at.isEmpty()) {
            return new InsightSet(null, List.of());
        }
        List<Insight> insights = sql.list("insight.at", row -> insightAt(row, 1), at.getAsLong());
        return new InsightSet(Instant.ofEpochMilli(at.getAsLong()), insights);
    }

    /** The insights of the sets computed in {@code [from, to)}, oldest first, each with when it was computed. */
    public List<Dated> between(Instant from, Instant to) {
        return sql.list(
                "insight.between",
                row -> new Dated(Instant.ofEpochMilli(row.getLong(1)), insightAt(row, 2)),
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    /** The insight in the eight columns from {@code first}: kind, severity, group, type, node, observed, baseline, message. */
    private static Insight insightAt(java.sql.ResultSet row, int first) throws java.sql.SQLException {
        double baseline = row.getDouble(first + 6);
        Double known = row.wasNull() ? null : baseline;
        return new Insight(
                row.getString(first),
                InsightSeverity.valueOf(row.getString(first + 1)),
                row.getString(first + 2),
                row.getString(first + 3),
                row.getString(first + 4),
                row.getDouble(first + 5),
                known,
                row.getString(first + 7));
    }

    /** Deletes the sets computed in {@code [from, to)}; returns how many rows. */
    public int deleteBetween(Instant from, Instant to) {
        return sql.update("insight.deleteBetween", from.toEpochMilli(), to.toEpochMilli());
    }

    /** An insight and when its set was computed. */
    public record Dated(Instant computedAt, Insight insight) {}

    /** Deletes the sets computed before {@code before}; returns how many rows. */
    public int deleteOlderThan(Instant before) {
        return sql.update("insight.deleteOlderThan", before.toEpochMilli());
    }
}
