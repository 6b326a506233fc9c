package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.model.RetryDecision;
import io.tideflow.queue.model.Transition;
import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlRunner;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Leases after the claim: heartbeats that extend them, and the rescue of tasks whose lease ran out (the node died,
 * hung, or lost its database) or that this node held when it crashed.
 */
public class LeaseStore {

    private static final RowMapper<RescueCandidate> CANDIDATE = row -> new RescueCandidate(
            TaskId.of(row.getString(1).trim()),
            row.getString(2),
            row.getString(3),
            row.getString(4),
            row.getString(5).trim(),
            Instant.ofEpochMilli(row.getLong(6)),
            row.getInt(7),
            row.getInt(8));

    private final SqlRunner sql;
    private final StoreDialect dialect;
    private final TaskStore tasks;
    private final TaskHistory history;

    public LeaseStore(EntityManager em, String node, StoreDialect dialect) {
        this.dialect = dialect;
        this.sql = dialect.on(em);
        this.tasks = new TaskStore(em, node, dialect);
        this.history = new TaskHistory(em, node, dialect);
    }

    /** Extends a lease if its token is still the task's; false means the task was rescued or finished. */
    public boolean heartbeat(LeasedTask task, Instant newExpiry) {
        return sql.update("task.heartbeat", newExpiry.toEpochMilli(), task.id().value(), task.leaseToken()) == 1;
    }

    /** Extends the leases of these tasks, in {@link RowOrder}; returns those whose lease is no longer theirs. */
    public List<LeasedTask> heartbeatAll(List<LeasedTask> held, Instant newExpiry) {
        return RowOrder.byTaskId(held, task -> task.id().value()).stream()
                .filter(task -> !heartbeat(task, newExpiry))
                .toList();
    }

    /** The database's clock now, where it is not this node's own (empty on Derby, which runs in this JVM). */
    public Optional<Instant> databaseTime() {
        if (dialect.sharesThisNodesClock()) {
            return Optional.empty();
        }
        return sql.first("clock.now", row -> Instant.ofEpochMilli(row.getLong(1)));
    }

    /** Which of these running tasks an operator asked to cancel. */
    public Set<String> cancelRequestedAmong(List<String> ids) {
        Set<String> requested = new HashSet<>();
        for (List<String> some : sql.slices("task.cancelRequestedAmong", ids)) {
            requested.addAll(sql.list(
                    "task.cancelRequestedAmong", row -> row.getString(1).trim(), some));
        }
        return requested;
    }

    /**
     * RUNNING tasks whose lease ended before {@code now}: the {@code limit} oldest expiries, in {@link RowOrder}, the
     * order in which a rescue changes them.
     */
    public List<RescueCandidate> expiredLeases(Instant now, int limit) {
        return RowOrder.byTaskId(
                sql.list("task.expiredLeases", limit, CANDIDATE, now.toEpochMilli()),
                candidate -> candidate.id().value());
    }

    /**
     * RUNNING tasks that name {@code owner} in their lease (after a restart, this node's own orphans), in
     * {@link RowOrder}.
     */
    public List<RescueCandidate> heldBy(String owner) {
        return RowOrder.byTaskId(
                sql.list("task.heldBy", CANDIDATE, owner),
                candidate -> candidate.id().value());
    }

    /**
     * RUNNING → FAILED ("lease expired"), then DEAD_LETTER when the decision says so. Conditional on the token the
     * rescuer read and on the lease still being expired, so a completion or a heartbeat that came first wins.
     */
    public FailureVerdict rescueExpired(RescueCandidate task, RetryDecision decision, Instant retryAt, Instant now) {
        return rescue(task, decision, retryAt, now, "lease expired (held by " + task.owner() + ")", now);
    }

    /**
     * Like {@link #rescueExpired}, for a task this node held before it restarted: no attempt of it can still run
     * here, so its lease need not run out first.
     */
    public FailureVerdict rescueOrphan(RescueCandidate task, RetryDecision decision, Instant retryAt, Instant now) {
        return rescue(
                task, decision, retryAt, now, "node " + task.owner() + " restarted while running it", Instant.MAX);
    }

    private FailureVerdict rescue(
            RescueCandidate task,
            RetryDecision decision,
            Instant retryAt,
            Instant now,
            String reason,
            Instant expiredBefore) {
        int rows = tasks.change(
                Transition.RESCUE,
                ColumnText.fit(reason, ColumnText.ERROR_CHARS),
                retryAt.toEpochMilli(),
                now.toEpochMilli(),
                task.id().value(),
                task.leaseToken(),
                expiredBefore == Instant.MAX ? Long.MAX_VALUE : expiredBefore.toEpochMilli());
        if (rows == 0) {
            return FailureVerdict.STALE_LEASE;
        }
        history.append(task.id().value(), Transition.RESCUE, now, task.attempts(), reason);
        return decision == RetryDecision.DEAD_LETTER
                ? tasks.deadLetter(task.id().value(), task.attempts(), now)
                : FailureVerdict.RETRY_SCHEDULED;
    }
}
