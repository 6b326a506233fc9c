package io.tideflow.queue.store;

import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskNotFoundException;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.core.NewTask;
import io.tideflow.queue.core.TaskTransitions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.tideflow.queue.api.TaskState.CANCELLED;
import static io.tideflow.queue.api.TaskState.COMPLETED;
import static io.tideflow.queue.api.TaskState.DEAD_LETTER;
import static io.tideflow.queue.api.TaskState.FAILED;
import static io.tideflow.queue.api.TaskState.PENDING;
import static io.tideflow.queue.api.TaskState.RUNNING;

/**
 * The task store's write side. Every method runs in the caller's transaction and every state change is one
 * conditional statement on the state it leaves: zero rows changed means another worker decided first.
 */
public class TaskStore {

    static {
        // the transitions this class writes, checked against the one table when the class loads
        TaskTransitions.checkEngineTransition(PENDING, RUNNING);
        TaskTransitions.checkEngineTransition(RUNNING, COMPLETED);
        TaskTransitions.checkEngineTransition(RUNNING, FAILED);
        TaskTransitions.checkEngineTransition(FAILED, DEAD_LETTER);
        TaskTransitions.checkEngineTransition(FAILED, PENDING);
        TaskTransitions.checkEngineTransition(PENDING, CANCELLED);
    }

    private final EntityManager em;

    public TaskStore(EntityManager em) {
        this.em = em;
    }

    public Optional<TaskId> findIdByIdempotencyKey(String key) {
        return em.createNamedQuery(TaskEntity.BY_IDEMPOTENCY_KEY, String.class)
                .setParameter("key", key)
                .getResultStream().findFirst().map(TaskId::of);
    }

    public void insert(NewTask task) {
        em.persist(new TaskEntity(task.id().value(), task.type(), task.group(), task.payloadJson(), task.priority(),
                task.runAt().toEpochMilli(), task.createdAt().toEpochMilli(), task.maxAttempts(),
                task.idempotencyKey()));
    }

    /**
     * Claims up to {@code limit} due PENDING tasks, highest priority first, then oldest. Candidates are read without a
     * lock (Derby has no SKIP LOCKED, and EclipseLink drops the lock clause of a limited query); one conditional
     * update then takes those still PENDING under a fresh lease token, and the claimed rows are read back by that
     * token. Two claimers racing for the same rows each get only the rows their update won; the database locks the
     * rows of an id list in index order, so two claimers never wait on each other in a cycle.
     */
    public List<ClaimedTask> claimDue(int limit, String owner, Instant now, Duration leaseDuration) {
        List<String> candidates = em.createNamedQuery(TaskEntity.DUE_IDS, String.class)
                .setParameter("state", PENDING)
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(limit)
                .getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Instant expiresAt = now.plus(leaseDuration);
        String token = UUID.randomUUID().toString();
        List<ClaimedTask> claimed = new ArrayList<>(candidates.size());
        for (int from = 0; from < candidates.size(); from += TaskEntity.CLAIM_BATCH_SIZE) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + TaskEntity.CLAIM_BATCH_SIZE));
            claimChunk(chunk, owner, token, expiresAt, now);
            for (TaskEntity row : claimedRows(chunk, token)) {
                claimed.add(new ClaimedTask(TaskId.of(row.getId()), row.getType(), row.getResourceGroup(),
                        row.getPayload(), row.getAttempts(), row.getMaxAttempts(), token, expiresAt));
            }
        }
        claimed.sort(Comparator.comparingInt(task -> candidates.indexOf(task.id().value())));
        return claimed;
    }

    @SuppressWarnings("unchecked")
    private List<TaskEntity> claimedRows(List<String> ids, String token) {
        Query query = em.createNamedQuery(TaskEntity.CLAIMED_BY_TOKEN).setParameter(1, token);
        setIds(query, 2, ids);
        return query.getResultList();
    }

    private static void setIds(Query query, int firstPosition, List<String> ids) {
        // one statement shape for every batch size keeps the database's statement cache warm
        for (int slot = 0; slot < TaskEntity.CLAIM_BATCH_SIZE; slot++) {
            query.setParameter(firstPosition + slot, ids.get(Math.min(slot, ids.size() - 1)));
        }
    }

    private void claimChunk(List<String> ids, String owner, String token, Instant expiresAt, Instant now) {
        Query claim = em.createNamedQuery(TaskEntity.CLAIM_BATCH)
                .setParameter(1, owner)
                .setParameter(2, token)
                .setParameter(3, expiresAt.toEpochMilli())
                .setParameter(4, now.toEpochMilli())
                .setParameter(5, now.toEpochMilli());
        setIds(claim, 6, ids);
        claim.executeUpdate();
    }

    /**
     * RUNNING → COMPLETED and the result row, if the lease token is still the task's.
     *
     * @return false when the token is stale; the caller must then roll back the handler's work
     */
    public boolean markSucceeded(ClaimedTask task, String resultJson, long executionMs, Instant now) {
        int rows = em.createNamedQuery(TaskEntity.COMPLETE)
                .setParameter(1, now.toEpochMilli())
                .setParameter(2, task.id().value())
                .setParameter(3, task.leaseToken())
                .executeUpdate();
        if (rows == 0) {
            return false;
        }
        em.persist(new TaskResultEntity(task.id().value(), resultJson, executionMs, now.toEpochMilli()));
        return true;
    }

    /** RUNNING → FAILED with the next run time, then FAILED → DEAD_LETTER when no attempt remains. */
    public FailureOutcome recordFailure(ClaimedTask task, String error, Instant retryAt, Instant now) {
        int rows = em.createNamedQuery(TaskEntity.FAIL)
                .setParameter(1, error)
                .setParameter(2, retryAt.toEpochMilli())
                .setParameter(3, now.toEpochMilli())
                .setParameter(4, task.id().value())
                .setParameter(5, task.leaseToken())
                .executeUpdate();
        if (rows == 0) {
            return FailureOutcome.STALE_LEASE;
        }
        int deadLettered = em.createNamedQuery(TaskEntity.FAILED_TO_DEAD_LETTER)
                .setParameter(1, now.toEpochMilli())
                .setParameter(2, task.id().value())
                .executeUpdate();
        return deadLettered == 1 ? FailureOutcome.DEAD_LETTERED : FailureOutcome.RETRY_SCHEDULED;
    }

    /** FAILED → PENDING for up to {@code limit} tasks whose retry time has come. */
    public int promoteDueRetries(Instant now, int limit) {
        List<String> due = em.createNamedQuery(TaskEntity.DUE_RETRY_IDS, String.class)
                .setParameter("failed", FAILED)
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(limit)
                .getResultList();
        int promoted = 0;
        for (String id : due) {
            promoted += em.createNamedQuery(TaskEntity.RETRY_TO_PENDING)
                    .setParameter(1, now.toEpochMilli())
                    .setParameter(2, id)
                    .setParameter(3, now.toEpochMilli())
                    .executeUpdate();
        }
        return promoted;
    }

    /** PENDING → CANCELLED. */
    public void cancel(TaskId id, Instant now) {
        int rows = em.createNamedQuery(TaskEntity.CANCEL)
                .setParameter(1, now.toEpochMilli())
                .setParameter(2, id.value())
                .executeUpdate();
        if (rows == 0) {
            TaskEntity task = em.find(TaskEntity.class, id.value());
            if (task == null) {
                throw new TaskNotFoundException(id);
            }
            throw new IllegalTransitionException(id, task.getType(), task.getState(), CANCELLED);
        }
    }

    /** The state of a task as this transaction sees it. */
    public Optional<TaskState> stateOf(TaskId id) {
        return Optional.ofNullable(em.find(TaskEntity.class, id.value())).map(TaskEntity::getState);
    }
}
