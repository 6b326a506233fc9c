package io.tideflow.queue.store.reporting;

import io.tideflow.queue.api.admin.AlertKind;
import io.tideflow.queue.api.admin.AlertView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code alerts} table, in the caller's transaction. */
public class AlertStore {

    private static final String COLUMNS =
            "id, rule_name, kind, resource_group, raised_at, cleared_at, observed," + " threshold, message, raised_by";

    private final EntityManager em;

    public AlertStore(EntityManager em) {
        this.em = em;
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
        try (PreparedStatement insert = connection()
                .prepareStatement("INSERT INTO alerts (rule_name, kind,"
                        + " resource_group, active_key, raised_at, observed, threshold, message, raised_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, rule);
            insert.setString(2, kind.name());
            insert.setString(3, group);
            insert.setString(4, activeKey(rule, group));
            insert.setLong(5, at.toEpochMilli());
            insert.setDouble(6, observed);
            insert.setDouble(7, threshold);
            insert.setString(8, message.length() > 1000 ? message.substring(0, 997) + "..." : message);
            insert.setString(9, node);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("raising alert " + rule + " for group " + group + " failed", e);
        }
        return findActive(rule, group)
                .orElseThrow(() ->
                        new IllegalStateException("the alert just raised is not" + " there; this indicates a bug"));
    }

    /** Clears the active alert of this rule and group; empty when none is active (or another node cleared it). */
    public Optional<AlertView> clear(String rule, String group, Instant at) {
        Optional<AlertView> active = findActive(rule, group);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement update = connection()
                .prepareStatement(
                        "UPDATE alerts SET cleared_at = ?," + " active_key = NULL WHERE id = ? AND active_key = ?")) {
            update.setLong(1, at.toEpochMilli());
            update.setLong(2, active.get().id());
            update.setString(3, activeKey(rule, group));
            if (update.executeUpdate() == 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("clearing alert " + rule + " for group " + group + " failed", e);
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
        return select("SELECT " + COLUMNS + " FROM alerts WHERE active_key IS NOT NULL ORDER BY id", null, 10_000);
    }

    /** The newest first, at most {@code limit}. */
    public List<AlertView> newest(boolean activeOnly, int limit) {
        return select(
                "SELECT " + COLUMNS + " FROM alerts" + (activeOnly ? " WHERE active_key IS NOT NULL" : "")
                        + " ORDER BY id DESC",
                null,
                limit);
    }

    private Optional<AlertView> findActive(String rule, String group) {
        return select("SELECT " + COLUMNS + " FROM alerts WHERE active_key = ?", activeKey(rule, group), 1).stream()
                .findFirst();
    }

    private List<AlertView> select(String sql, String key, int limit) {
        List<AlertView> alerts = new ArrayList<>();
        try (PreparedStatement query = connection().prepareStatement(sql)) {
            query.setMaxRows(limit);
            if (key != null) {
                query.setString(1, key);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long cleared = rows.getLong(6);
                    Instant clearedAt = rows.wasNull() ? null : Instant.ofEpochMilli(cleared);
                    alerts.add(new AlertView(
                            rows.getLong(1),
                            rows.getString(2),
                            AlertKind.valueOf(rows.getString(3)),
                            rows.getString(4),
                            Instant.ofEpochMilli(rows.getLong(5)),
                            clearedAt,
                            rows.getDouble(7),
                            rows.getDouble(8),
                            rows.getString(9),
                            rows.getString(10)));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new PersistenceException("reading alerts failed", e);
        }
    }

    private Connection connection() {
        // the persistence context's own connection, so that these statements share its transaction
        return em.unwrap(Connection.class);
    }
}
