package io.tideflow.queue.store.reporting;

import io.tideflow.queue.api.admin.AlertKind;
import io.tideflow.queue.api.admin.AlertView;
import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.StoreDialect;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code alerts} table, in the caller's transaction. */
public class AlertStore {

    private static final RowMapper<AlertView> ALERT = row -> {
        long cleared = row.getLong(6);
        Instant clearedAt = row.wasNull() ? null : Instant.ofEpochMilli(cleared);
        return new AlertView(
                row.getLong(1),
                row.getString(2),
                AlertKind.valueOf(row.getString(3)),
                row.getString(4),
                Instant.ofEpochMilli(row.getLong(5)),
                clearedAt,
                row.getDouble(7),
                row.getDouble(8),
                row.getString(9),
                row.getString(10));
    };

    private final SqlRunner sql;

    public AlertStore(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
    }

    /** The key that makes an alert of this rule and group unique while it is active. */
    public static String activeKey(String rule, String group) {
        return rule + "|" + group;
    }

    /**
     * Records a raised alert. Throws (a unique key violation) when the same rule and group is already active: then
     * another node raised it first, and this transaction must roll back.
     */
    public AlertView raise(
            String rule,
            AlertKind kind,
            String group,
            Instant at,
            double observed,
            double threshold,
            String message,
            String node) {
        sql.update(
                "alert.raise",
                rule,
                kind.name(),
                group,
                activeKey(rule, group),
                at.toEpochMilli(),
                observed,
                threshold,
                message.length() > 1000 ? message.substring(0, 997) + "..." : message,
                node);
        return findActive(rule, group)
                .orElseThrow(
                        () -> new IllegalStateException("the alert just raised is not there; this indicates a bug"));
    }

    /** Clears the active alert of this rule and group; empty when none is active (or another node cleared it). */
    public Optional<AlertView> clear(String rule, String group, Instant at) {
        Optional<AlertView> active = findActive(rule, group);
        if (active.isEmpty()
                || sql.update("alert.clear", at.toEpochMilli(), active.get().id(), activeKey(rule, group)) == 0) {
            return Optional.empty();
        }
        AlertView raised = active.get();
        return Optional.of(new AlertView(
                raised.id(),
                raised.rule(),
                raised.kind(),
                raised.group(),
                raised.raisedAt(),
                at,
                raised.observed(),
                raised.threshold(),
                raised.message(),
                raised.raisedBy()));
    }

    public List<AlertView> active() {
        return sql.list("alert.active", 10_000, ALERT);
    }

    /** The newest first, at most {@code limit}. */
    public List<AlertView> newest(boolean activeOnly, int limit) {
        return sql.list(activeOnly ? "alert.newestActive" : "alert.newest", limit, ALERT);
    }

    private Optional<AlertView> findActive(String rule, String group) {
        return sql.first("alert.findActive", ALERT, activeKey(rule, group));
    }
}
