package io.tideflow.queue.store.groups;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.model.Breaker;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code circuit_breaker_state} in the caller's transaction. A change locks the breaker's row first
 * ({@link #lock}) and then writes what {@link Breaker} computed from it, so concurrent changes from any node take
 * turns and none is lost; the write is also conditional on the version read, as a guard.
 */
public class BreakerStore {

    private static final String COLUMNS = "resource_group, state, calls, failure_count, window_started_at,"
            + " previous_calls, previous_failures, last_failure, next_attempt, probes_started, probe_successes, version,"
            + " updated_at";

    private final EntityManager em;

    public BreakerStore(EntityManager em) {
        this.em = em;
    }

    public List<Breaker> all() {
        return query("SELECT " + COLUMNS + " FROM circuit_breaker_state ORDER BY resource_group", null);
    }

    public Optional<Breaker> find(String group) {
        return query("SELECT " + COLUMNS + " FROM circuit_breaker_state WHERE resource_group = ?", group).stream()
                .findFirst();
    }

    /** Locks the breaker's row until the transaction ends and returns it; empty when the group has no breaker. */
    public Optional<Breaker> lock(String group) {
        try (PreparedStatement lock = connection()
                .prepareStatement("UPDATE circuit_breaker_state SET version = version WHERE resource_group = ?")) {
            lock.setString(1, group);
            if (lock.executeUpdate() == 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("locking the breaker of group " + group + " failed", e);
        }
        return find(group);
    }

    /** Writes {@code next} over {@code read} (same group), if the row still has the version read. */
    public boolean replace(Breaker read, Breaker next) {
        if (next == read) {
            return true;
        }
        try (PreparedStatement update = connection()
                .prepareStatement("UPDATE circuit_breaker_state SET state = ?,"
                        + " calls = ?, failure_count = ?, window_started_at = ?, previous_calls = ?, previous_failures = ?,"
                        + " last_failure = ?, next_attempt = ?, probes_started = ?, probe_successes = ?, version = ?,"
                        + " updated_at = ? WHERE resource_group = ? AND version = ?")) {
            update.setString(1, next.state().name());
            update.setInt(2, next.calls());
            update.setInt(3, next.failureCount());
            update.setLong(4, next.windowStartedAt());
            update.setInt(5, next.previousCalls());
            update.setInt(6, next.previousFailures());
            update.setLong(7, next.lastFailureAt());
            update.setLong(8, next.nextAttemptAt());
            update.setInt(9, next.probesStarted());
            update.setInt(10, next.probeSuccesses());
            update.setLong(11, Math.max(next.version(), read.version() + 1));
            update.setLong(12, next.updatedAt());
            update.setString(13, read.group());
            update.setLong(14, read.version());
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new PersistenceException("writing the breaker of group " + read.group() + " failed", e);
        }
    }

    /** Creates the group's breaker, CLOSED, unless it has one. */
    public void createIfMissing(String group, long now) {
        if (find(group).isPresent()) {
            return;
        }
        Breaker fresh = Breaker.closed(group, now);
        try (PreparedStatement insert = connection()
                .prepareStatement("INSERT INTO circuit_breaker_state (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, group);
            insert.setString(2, fresh.state().name());
            insert.setInt(3, 0);
            insert.setInt(4, 0);
            insert.setLong(5, now);
            insert.setInt(6, 0);
            insert.setInt(7, 0);
            insert.setLong(8, 0);
            insert.setLong(9, 0);
            insert.setInt(10, 0);
            insert.setInt(11, 0);
            insert.setLong(12, 0);
            insert.setLong(13, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("creating the breaker of group " + group + " failed", e);
        }
    }

    /** Removes the group's breaker (its configuration no longer has one). */
    public void delete(String group) {
        try (PreparedStatement delete =
                connection().prepareStatement("DELETE FROM circuit_breaker_state WHERE resource_group = ?")) {
            delete.setString(1, group);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("removing the breaker of group " + group + " failed", e);
        }
    }

    private List<Breaker> query(String sql, String group) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            if (group != null) {
                select.setString(1, group);
            }
            List<Breaker> breakers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    breakers.add(new Breaker(
                            rows.getString(1),
                            BreakerState.valueOf(rows.getString(2).trim()),
                            rows.getInt(3),
                            rows.getInt(4),
                            rows.getLong(5),
                            rows.getInt(6),
                            rows.getInt(7),
                            rows.getLong(8),
                            rows.getLong(9),
                            rows.getInt(10),
                            rows.getInt(11),
                            rows.getLong(12),
                            rows.getLong(13)));
                }
            }
            return breakers;
        } catch (SQLException e) {
            throw new PersistenceException("reading circuit breakers failed", e);
        }
    }

    private Connection connection() {
        // the persistence context's own connection, so that these statements share its transaction
        return em.unwrap(Connection.class);
    }
}
