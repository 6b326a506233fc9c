package io.tideflow.queue.store.groups;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.model.GroupLimits;
import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlNull;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.StoreDialect;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    private static final RowMapper<GroupRow> GROUP = row -> new GroupRow(
            row.getString(1),
            row.getInt(2) == 1,
            nullableInt(row, 3),
            nullableInt(row, 4),
            nullableInt(row, 5),
            nullableLong(row, 6),
            row.getDouble(7),
            row.getLong(8),
            row.getInt(9) == 1,
            row.getLong(10),
            row.getInt(11) == 1);

    private final SqlRunner sql;

    public GroupStore(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
    }

    public List<GroupRow> all() {
        return sql.list("group.all", GROUP);
    }

    public Optional<GroupRow> find(String name) {
        return sql.first("group.find", GROUP, name);
    }

    /**
     * Locks the group's row until the transaction ends and returns it: claims of a group with cluster-wide limits
     * or a rate take their turns, across all nodes, while they count and spend.
     */
    public Optional<GroupRow> lockForClaim(String name) {
        if (sql.update("group.lock", name) == 0) {
            return Optional.empty();
        }
        return find(name);
    }

    /** RUNNING tasks of {@code group} under a lease of {@code owner}: one node's share of the group. */
    public int runningHere(String group, String owner) {
        return sql.first("group.runningHere", row -> row.getInt(1), group, owner)
                .orElse(0);
    }

    /** Tasks of the group RUNNING on any node (claimed ones waiting for a worker included). */
    public int runningIn(String group) {
        return sql.first("group.running", row -> row.getInt(1), group).orElse(0);
    }

    /** Stores the token bucket's new fill; the caller holds the row's lock. */
    public void spendTokens(String group, double tokensLeft, Instant refilledAt) {
        sql.update("group.spendTokens", tokensLeft, refilledAt.toEpochMilli(), group);
    }

    /**
     * Sets the group's limits. From configuration ({@code fromApi} false) they apply only while no operator has set
     * them through the API; an operator's ({@code fromApi} true) always apply, and stay until reset.
     *
     * @return true when the row now carries these limits
     */
    public boolean setLimits(String group, GroupLimits limits, boolean fromApi, Instant now) {
        if (updateLimits(group, limits, fromApi, now) == 1) {
            return true;
        }
        if (find(group).isEmpty() && insert(group, false, limits, fromApi, now, false)) {
            return true;
        }
        // the row is there, perhaps made by a concurrent first write: the update decides
        return updateLimits(group, limits, fromApi, now) == 1;
    }

    private int updateLimits(String group, GroupLimits limits, boolean fromApi, Instant now) {
        return sql.update(
                fromApi ? "group.setLimits" : "group.setConfiguredLimits",
                SqlNull.integer(limits.maxConcurrent()),
                SqlNull.integer(limits.maxConcurrentCluster()),
                SqlNull.integer(limits.ratePermits()),
                SqlNull.bigint(limits.ratePeriodMillis()),
                fromApi ? 1 : 0,
                now.toEpochMilli(),
                group);
    }

    /** Hands the group's limits back to configuration: the caller sets them from it next. */
    public void releaseLimitsToConfiguration(String group, Instant now) {
        sql.update("group.releaseLimits", now.toEpochMilli(), group);
    }

    /** Marks whether the group has a circuit breaker, as its configuration says. */
    public void setBreaker(String group, boolean breaker, Instant now) {
        if (sql.update("group.setBreaker", breaker ? 1 : 0, now.toEpochMilli(), group) == 1 || !breaker) {
            return;
        }
        if (!insert(group, false, GroupLimits.NONE, false, now, true)) {
            sql.update("group.setBreaker", 1, now.toEpochMilli(), group);
        }
    }

    /** @return false when the group already was in that state */
    public boolean setPaused(String group, boolean paused, Instant now) {
        if (updatePaused(group, paused, now) == 1) {
            return true;
        }
        if (!paused) {
            return false;
        }
        if (find(group).isEmpty() && insert(group, true, GroupLimits.NONE, false, now, false)) {
            return true;
        }
        // the row is there, perhaps made by a concurrent first write (a pause or limits): the update decides
        return updatePaused(group, true, now) == 1;
    }

    private int updatePaused(String group, boolean paused, Instant now) {
        return sql.update("group.setPaused", paused ? 1 : 0, now.toEpochMilli(), group, paused ? 0 : 1);
    }

    public Map<String, Map<TaskState, Long>> depthByGroup() {
        return depth("group.depth");
    }

    /** When the longest-waiting due PENDING task of each group became due; groups with none are absent. */
    public Map<String, Instant> oldestDueByGroup(Instant now) {
        Map<String, Instant> oldest = new TreeMap<>();
        sql.list(
                        "group.oldestDue",
                        row -> Map.entry(row.getString(1), Instant.ofEpochMilli(row.getLong(2))),
                        now.toEpochMilli())
                .forEach(due -> oldest.put(due.getKey(), due.getValue()));
        return oldest;
    }

    /**
     * Like {@link #depthByGroup()} for the given states only. Waiting and running states are few rows reached through
     * the state indexes; the finished ones are most of the table, so callers sample those less often.
     */
    public Map<String, Map<TaskState, Long>> depthByGroupIn(Set<TaskState> states) {
        if (states.isEmpty()) {
            return new TreeMap<>();
        }
        return depth("group.depthInStates", states.stream().map(TaskState::name).toList());
    }

    /** Like {@link #depthByGroup()} for the waiting and running states (PENDING, RUNNING, FAILED) only. */
    public Map<String, Map<TaskState, Long>> liveDepthByGroup() {
        return depth("group.liveDepth");
    }

    /** How many waiting and running tasks (PENDING, RUNNING, FAILED) one group has in each of those states. */
    public Map<TaskState, Long> liveDepthOf(String group) {
        return depth("group.liveDepthOf", group).getOrDefault(group, Map.of());
    }

    private Map<String, Map<TaskState, Long>> depth(String statement, Object... parameters) {
        Map<String, Map<TaskState, Long>> depth = new TreeMap<>();
        for (Count count : sql.list(
                statement,
                row -> new Count(
                        row.getString(1), TaskState.valueOf(row.getString(2).trim()), row.getLong(3)),
                parameters)) {
            depth.computeIfAbsent(count.group(), g -> new EnumMap<>(TaskState.class))
                    .put(count.state(), count.tasks());
        }
        return depth;
    }

    /** @return false when the group's row was there already: a concurrent first write created it */
    private boolean insert(
            String group, boolean paused, GroupLimits limits, boolean fromApi, Instant now, boolean breaker) {
        return sql.insertIfAbsent(
                "group.insertIfAbsent",
                group,
                paused ? 1 : 0,
                SqlNull.integer(limits.maxConcurrent()),
                SqlNull.integer(limits.maxConcurrentCluster()),
                SqlNull.integer(limits.ratePermits()),
                SqlNull.bigint(limits.ratePeriodMillis()),
                // a new bucket starts full: the first period may use all its permits
                (double) (limits.hasRate() ? limits.ratePermits() : 0),
                now.toEpochMilli(),
                fromApi ? 1 : 0,
                now.toEpochMilli(),
                breaker ? 1 : 0);
    }

    private static Integer nullableInt(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private record Count(String group, TaskState state, long tasks) {}
}
