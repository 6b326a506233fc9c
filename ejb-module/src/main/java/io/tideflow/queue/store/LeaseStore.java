package io.tideflow.queue.store;

import static io.tideflow.queue.api.TaskState.RUNNING;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.model.RetryDecision;
import io.tideflow.queue.model.Transition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Leases after the claim: heartbeats that extend them, and the rescue of tasks whose lease ran out (the node died,
 * hung, or lost its database) or that this node held when it crashed.
 */
public class LeaseStore {

    private final EntityManager em;
    private final TaskStore tasks;
    private final TaskHistory history;

    public LeaseStore(EntityManager em, String node, StoreDialect dialect) {
        this.em = em;
        this.tasks = new TaskStore(em, node, dialect);
        this.history = new TaskHistory(em, node);
    }

    /** Extends a lease if its token is still the task's; false means the task was rescued or finished. */
    public boolean heartbeat(LeasedTask task, Instant newExpiry) {
        return em.createNamedQuery(TaskEntity.HEARTBEAT)
                        .setParameter(1, newExpiry.toEpochMilli())
                        .setParameter(2, task.id().value())
                        .setParameter(3, task.leaseToken())
                        .executeUpdate()
                == 1;
    }

    /** Which of these running tasks an operator asked to cancel. */
    @SuppressWarnings("unchecked")
    public Set<String> cancelRequestedAmong(List<String> ids) {
        Set<String> requested = new HashSet<>();
        for (int from = 0; from < ids.size(); from += TaskEntity.CLAIM_BATCH_SIZE) {
            Query query = em.createNamedQuery(TaskEntity.CANCEL_REQUESTED_AMONG);
            TaskEntity.setIdList(query, 1, ids.subList(from, Math.min(ids.size(), from + TaskEntity.CLAIM_BATCH_SIZE)));
            for (Object id : query.getResultList()) {
                requested.add(id.toString().trim());
            }
        }
        return requested;
    }

    /** RUNNING tasks whose lease ended before {@code now}, oldest expiry first. */
    public List<RescueCandidate> expiredLeases(Instant now, int limit) {
        return em.createNamedQuery(TaskEntity.EXPIRED_LEASES, TaskEntity.class)
                .setParameter("running", RUNNING)
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(limit)
                .getResultStream()
                .map(LeaseStore::candidate)
                .toList();
    }

    /** RUNNING tasks that name {@code owner} in their lease: after a restart, this node's own orphans. */
    public List<RescueCandidate> heldBy(String owner) {
        return em.createNamedQuery(TaskEntity.HELD_BY, TaskEntity.class)
                .setParameter("running", RUNNING)
                .setParameter("owner", owner)
                .getResultStream()
                .map(LeaseStore::candidate)
                .toList();
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
                reason,
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

    private static RescueCandidate candidate(TaskEntity row) {
        return new RescueCandidate(
                TaskId.of(row.getId()),
                row.getType(),
                row.getResourceGroup(),
                row.getLeaseOwner(),
                row.getLeaseToken(),
                Instant.ofEpochMilli(row.getLeaseExpiresAt()),
                row.getAttempts(),
                row.getMaxAttempts());
    }
}
