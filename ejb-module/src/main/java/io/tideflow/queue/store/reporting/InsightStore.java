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
        List<Insight> insights = sql.list(
                "insight.at",
                row -> {
                    double baseline = row.getDouble(7);
                    Double known = row.wasNull() ? null : baseline;
                    return new Insight(
                            row.getString(1),
                            InsightSeverity.valueOf(row.getString(2)),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getDouble(6),
                            known,
                            row.getString(8));
                },
                at.getAsLong());
        return new InsightSet(Instant.ofEpochMilli(at.getAsLong()), insights);
    }

    /** Deletes the sets computed before {@code before}; returns how many rows. */
    public int deleteOlderThan(Instant before) {
        return sql.update("insight.deleteOlderThan", before.toEpochMilli());
    }
}
