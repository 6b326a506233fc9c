package io.tideflow.queue.store.reporting;

import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The {@code metrics} and {@code metric_rollups} tables, in the caller's transaction. */
public class MetricHistoryStore {

    private static final int BATCH = 500;

    private final EntityManager em;

    public MetricHistoryStore(EntityManager em) {
        this.em = em;
    }

    /** Inserts the rows in JDBC batches. */
    public void insertAll(List<MetricRow> rows) {
        try (PreparedStatement insert = connection()
                .prepareStatement("INSERT INTO metrics (ts, resolution,"
                        + " resource_group, metric_type, node_id, value, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (MetricRow row : rows) {
                insert.setLong(1, row.ts());
                insert.setString(2, row.resolution().name());
                insert.setString(3, row.group());
                insert.setString(4, row.metricType());
                insert.setString(5, row.node());
                insert.setDouble(6, row.value());
                if (row.metadata() == null) {
                    insert.setNull(7, Types.VARCHAR);
                } else {
                    insert.setString(7, row.metadata());
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("writing " + rows.size() + " metric rows failed", e);
        }
    }

    /** The rows of one resolution with {@code from <= ts < to}, of one group or (null) all, oldest first. */
    public List<MetricRow> between(Resolution resolution, long from, long to, String group) {
        String sql = "SELECT ts, resource_group, metric_type, node_id, value, metadata FROM metrics"
                + " WHERE resolution = ? AND ts >= ? AND ts < ?" + (group == null ? "" : " AND resource_group = ?")
                + " ORDER BY ts";
        List<MetricRow> rows = new ArrayList<>();
        try (PreparedStatement query = connection().prepareStatement(sql)) {
            query.setString(1, resolution.name());
            query.setLong(2, from);
            query.setLong(3, to);
            if (group != null) {
                query.setString(4, group);
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new MetricRow(
                            result.getLong(1),
                            resolution,
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getDouble(5),
                            result.getString(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PersistenceException("reading metric history failed", e);
        }
    }

    /** The start of the oldest row of a resolution, if there is one. */
    public OptionalLong oldest(Resolution resolution) {
        try (PreparedStatement query =
                connection().prepareStatement("SELECT MIN(ts) FROM metrics WHERE resolution = ?")) {
            query.setString(1, resolution.name());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                long oldest = result.getLong(1);
                return result.wasNull() ? OptionalLong.empty() : OptionalLong.of(oldest);
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading metric history failed", e);
        }
    }

    /** Up to where (exclusive, epoch ms) the hours have been rolled up. */
    public long rolledUntil(Resolution resolution) {
        try (PreparedStatement query =
                connection().prepareStatement("SELECT rolled_until FROM metric_rollups WHERE resolution = ?")) {
            query.setString(1, resolution.name());
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading the rollup progress failed", e);
        }
    }

    /**
     * Moves the rollup progress from {@code expected} to {@code until}; false when another node moved it first (then
     * that node rolls this range up, and this one must not).
     */
    public boolean advanceRollup(Resolution resolution, long expected, long until) {
        try (PreparedStatement update = connection()
                .prepareStatement(
                        "UPDATE metric_rollups SET rolled_until = ? WHERE resolution = ? AND rolled_until = ?")) {
            update.setLong(1, until);
            update.setString(2, resolution.name());
            update.setLong(3, expected);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new PersistenceException("advancing the rollup failed", e);
        }
    }

    /** Deletes the rows of a resolution older than {@code before}; returns how many. */
    public int deleteOlderThan(Resolution resolution, long before) {
        try (PreparedStatement delete =
                connection().prepareStatement("DELETE FROM metrics WHERE resolution = ? AND ts < ?")) {
            delete.setString(1, resolution.name());
            delete.setLong(2, before);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("deleting old metric history failed", e);
        }
    }

    private Connection connection() {
        // the persistence context's own connection, so that these statements share its transaction
        return em.unwrap(Connection.class);
    }
}
