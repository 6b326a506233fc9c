package io.tideflow.queue.store.groups;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.model.GroupLimits;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and writes {@code resource_groups} in the caller's transaction. Every write is one statement on the group's
 * row; a write to a group without a row creates it (update first, insert when nothing was updated).
 */
public class GroupStore {

    private static final String COLUMNS = "name, paused, max_concurrent, max_concurrent_cluster, rate_permits,"
            + " rate_period_ms, rate_tokens, rate_refilled_at, limits_from_api, updated_at, breaker";

    private final EntityManager em;

    public GroupStore(EntityManager em) {
        this.em = em;
    }

    public List<GroupRow> all() {
        return query("SELECT " + COLUMNS + " FROM resource_groups ORDER BY name", null);
    }

    public Optional<GroupRow> find(String name) {
        return query("SELECT " + COLUMNS + " FROM resource_groups WHERE name = ?", name).stream()
                .findFirst();
    }

    /**
     * Locks the group's row until the transaction ends and returns it: claims of a group with cluster-wide limits
     * or a rate take their turns, across all nodes, while they count and spend.
     */
    public Optional<GroupRow> lockForClaim(String name) {
        if (update("UPDATE resource_groups SET rate_refilled_at = rate_refilled_at WHERE name = ?", name) == 0) {
            return Optional.empty();
        }
        return find(name);
    }

    /** Tasks of the group RUNNING on any node (claimed ones waiting for a worker included). */
    /** RUNNING tasks of {@code group} under a lease of {@code owner}: one node's share of the group. */
    public int runningHere(String group, String owner) {
        try (PreparedStatement count = connection()
                .prepareStatement("SELECT COUNT(*) FROM tasks WHERE resource_group = ? AND state = 'RUNNING'"
                        + " AND lease_owner = ?")) {
            count.setString(1, group);
            count.setString(2, owner);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException(
                    "counting the running tasks of group " + group + " on " + owner + " failed", e);
        }
    }

    public int runningIn(String group) {
        try (PreparedStatement count = connection()
                .prepareStatement("SELECT COUNT(*) FROM tasks WHERE resource_group = ? AND state = 'RUNNING'")) {
            count.setString(1, group);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("counting the running tasks of group " + group + " failed", e);
        }
    }

    /** Stores the token bucket's new fill; the caller holds the row's lock. */
    public void spendTokens(String group, double tokensLeft, Instant refilledAt) {
        try (PreparedStatement spend = connection()
                .prepareStatement("UPDATE resource_groups SET rate_tokens = ?, rate_refilled_at = ? WHERE name = ?")) {
            spend.setDouble(1, tokensLeft);
            spend.setLong(2, refilledAt.toEpochMilli());
            spend.setString(3, group);
            spend.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("spending the rate tokens of group " + group + " failed", e);
        }
    }

    /**
     * Sets the group's limits. From configuration ({@code fromApi} false) they apply only while no operator has set
     * them through the API; an operator's ({@code fromApi} true) always apply, and stay until reset.
     *
     * @return true when the row now carries these limits
     */
    public boolean setLimits(String group, GroupLimits limits, boolean fromApi, Instant now) {
        String guard = fromApi ? "" : " AND limits_from_api = 0";
        try (PreparedStatement update = connection()
                .prepareStatement("UPDATE resource_groups SET max_concurrent = ?,"
                        + " max_concurrent_cluster = ?, rate_permits = ?, rate_period_ms = ?, limits_from_api = ?,"
                        + " updated_at = ? WHERE name = ?" + guard)) {
            bindLimits(update, limits);
            update.setInt(5, fromApi ? 1 : 0);
            update.setLong(6, now.toEpochMilli());
            update.setString(7, group);
            if (update.executeUpdate() == 1) {
                return true;
            }
        } catch (SQLException e) {
            throw new PersistenceException("setting the limits of group " + group + " failed", e);
        }
        if (find(group).isPresent()) {
            return false;
        }
        insert(group, false, limits, fromApi, now, false);
        return true;
    }

    /** Hands the group's limits back to configuration: the caller sets them from it next. */
    public void releaseLimitsToConfiguration(String group, Instant now) {
        try (PreparedStatement update = connection()
                .prepareStatement("UPDATE resource_groups SET limits_from_api = 0, updated_at = ? WHERE name = ?")) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, group);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("resetting the limits of group " + group + " failed", e);
        }
    }

    /** Marks whether the group has a circuit breaker, as its configuration says. */
    public void setBreaker(String group, boolean breaker, Instant now) {
        try (PreparedStatement update = connection()
                .prepareStatement("UPDATE resource_groups SET breaker = ?, updated_at = ? WHERE name = ?")) {
            update.setInt(1, breaker ? 1 : 0);
            update.setLong(2, now.toEpochMilli());
            update.setString(3, group);
            if (update.executeUpdate() == 1 || !breaker) {
                return;
            }
        } catch (SQLException e) {
            throw new PersistenceException("marking the breaker of group " + group + " failed", e);
        }
        insert(group, false, GroupLimits.NONE, false, now, true);
    }

    /** @return false when the group already was in that state */
    public boolean setPaused(String group, boolean paused, Instant now) {
        try (PreparedStatement update = connection()
                .prepareStatement(
                        "UPDATE resource_groups SET paused = ?, updated_at = ? WHERE name = ? AND paused = ?")) {
            update.setInt(1, paused ? 1 : 0);
            update.setLong(2, now.toEpochMilli());
            update.setString(3, group);
            update.setInt(4, paused ? 0 : 1);
            if (update.executeUpdate() == 1) {
                return true;
            }
        } catch (SQLException e) {
            throw new PersistenceException("pausing or resuming group " + group + " failed", e);
        }
        if (find(group).isPresent() || !paused) {
            return false;
        }
        insert(group, true, GroupLimits.NONE, false, now, false);
        return true;
    }

    /** How many tasks each group has in each state; groups without tasks are absent. */
    public Map<String, Map<TaskState, Long>> depthByGroup() {
        return depth("SELECT resource_group, state, COUNT(*) FROM tasks GROUP BY resource_group, state", List.of());
    }

    /** When the longest-waiting due PENDING task of each group became due; groups with none are absent. */
    public Map<String, Instant> oldestDueByGroup(Instant now) {
        Map<String, Instant> oldest = new TreeMap<>();
        try (PreparedStatement query = connection()
                .prepareStatement("SELECT resource_group, MIN(run_at) FROM tasks"
                        + " WHERE state = 'PENDING' AND run_at <= ? GROUP BY resource_group")) {
            query.setLong(1, now.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    oldest.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
                }
            }
            return oldest;
        } catch (SQLException e) {
            throw new PersistenceException("reading the oldest due tasks failed", e);
        }
    }

    /**
     * Like {@link #depthByGroup()} for the given states only. Waiting and running states are few rows reached through
     * the state indexes; the finished ones are most of the table, so callers sample those less often.
     */
    public Map<String, Map<TaskState, Long>> depthByGroupIn(Set<TaskState> states) {
        String marks = String.join(", ", Collections.nCopies(states.size(), "?"));
        return depth(
                "SELECT resource_group, state, COUNT(*) FROM tasks WHERE state IN (" + marks + ")"
                        + " GROUP BY resource_group, state",
                states.stream().map(TaskState::name).toList());
    }

    /** How many tasks one group has in each state (empty when it has none). */
    public Map<TaskState, Long> depthOf(String group) {
        return depth(
                        "SELECT resource_group, state, COUNT(*) FROM tasks WHERE resource_group = ?"
                                + " GROUP BY resource_group, state",
                        List.of(group))
                .getOrDefault(group, Map.of());
    }

    private Map<String, Map<TaskState, Long>> depth(String sql, List<String> parameters) {
        Map<String, Map<TaskState, Long>> depth = new TreeMap<>();
        try (PreparedStatement count = connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                count.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    depth.computeIfAbsent(rows.getString(1), g -> new EnumMap<>(TaskState.class))
                            .put(TaskState.valueOf(rows.getString(2).trim()), rows.getLong(3));
                }
            }
            return depth;
        } catch (SQLException e) {
            throw new PersistenceException("counting tasks by group failed", e);
        }
    }

    private void insert(
            String group, boolean paused, GroupLimits limits, boolean fromApi, Instant now, boolean breaker) {
        try (PreparedStatement insert = connection()
                .prepareStatement(
                        "INSERT INTO resource_groups (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, group);
            insert.setInt(2, paused ? 1 : 0);
            insert.setObject(3, limits.maxConcurrent(), Types.INTEGER);
            insert.setObject(4, limits.maxConcurrentCluster(), Types.INTEGER);
            insert.setObject(5, limits.ratePermits(), Types.INTEGER);
            insert.setObject(6, limits.ratePeriodMillis(), Types.BIGINT);
            // a new bucket starts full: the first period may use all its permits
            insert.setDouble(7, limits.hasRate() ? limits.ratePermits() : 0);
            insert.setLong(8, now.toEpochMilli());
            insert.setInt(9, fromApi ? 1 : 0);
            insert.setLong(10, now.toEpochMilli());
            insert.setInt(11, breaker ? 1 : 0);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("creating the row of group " + group + " failed", e);
        }
    }

    private static void bindLimits(PreparedStatement statement, GroupLimits limits) throws SQLException {
        statement.setObject(1, limits.maxConcurrent(), Types.INTEGER);
        statement.setObject(2, limits.maxConcurrentCluster(), Types.INTEGER);
        statement.setObject(3, limits.ratePermits(), Types.INTEGER);
        statement.setObject(4, limits.ratePeriodMillis(), Types.BIGINT);
    }

    private int update(String sql, String name) {
        try (PreparedStatement update = connection().prepareStatement(sql)) {
            update.setString(1, name);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("updating group " + name + " failed", e);
        }
    }

    private List<GroupRow> query(String sql, String name) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            if (name != null) {
                select.setString(1, name);
            }
            List<GroupRow> groups = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    groups.add(new GroupRow(
                            rows.getString(1),
                            rows.getInt(2) == 1,
                            nullableInt(rows, 3),
                            nullableInt(rows, 4),
                            nullableInt(rows, 5),
                            nullableLong(rows, 6),
                            rows.getDouble(7),
                            rows.getLong(8),
                            rows.getInt(9) == 1,
                            rows.getLong(10),
                            rows.getInt(11) == 1));
                }
            }
            return groups;
        } catch (SQLException e) {
            throw new PersistenceException("reading resource groups failed", e);
        }
    }

    private static Integer nullableInt(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private Connection connection() {
        // the persistence context's own connection, so that these statements share its transaction
        return em.unwrap(Connection.class);
    }
}
