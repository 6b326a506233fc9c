package io.tideflow.queue.store;

import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskNotFoundException;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.core.NewTask;
import io.tideflow.queue.core.TaskTransitions;
import jakarta.persistence.EntityManager;

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

    private static final int CANDIDATE_FACTOR = 2;

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
     * lock (Derby has no SKIP LOCKED, and EclipseLink drops the lock clause of a limited query); each is then taken by
     * a conditional update that only one transaction can win. Candidates are claimed in the order they were read,
     * which is the same order for every claimer, so two claimers never wait on each other in a cycle.
     */
    public List<ClaimedTask> claimDue(int limit, String owner, Instant now, Duration leaseDuration) {
        List<String> candidates = em.createNamedQuery(TaskEntity.DUE_IDS, String.class)
                .setParameter("state", PENDING)
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(limit * CANDIDATE_FACTOR)
                .getResultList();
        Instant expiresAt = now.plus(leaseDuration);
        List<String> claimed = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (String id : candidates) {
            if (claimed.size() == limit) {
                break;
            }
            String token = UUID.randomUUID().toString();
            int rows = em.createNamedQuery(TaskEntity.CLAIM_ONE)
                    .setParameter("running", RUNNING)
                    .setParameter("pending", PENDING)
                    .setParameter("owner", owner)
                    .setParameter("token", token)
                    .setParameter("expiresAt", expiresAt.toEpochMilli())
                    .setParameter("now", now.toEpochMilli())
                    .setParameter("id", id)
                    .executeUpdate();
            if (rows == 1) {
                claimed.add(id);
                tokens.add(token);
            }
        }
        return loadClaimed(claimed, tokens, expiresAt);
    }

    private List<ClaimedTask> loadClaimed(List<String> ids, List<String> tokens, Instant expiresAt) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<TaskEntity> rows = em.createNamedQuery(TaskEntity.BY_IDS, TaskEntity.class)
                .setParameter("ids", ids)
                .getResultList();
        List<ClaimedTask> result = new ArrayList<>(rows.size());
        for (TaskEntity row : rows) {
            String token = tokens.get(ids.indexOf(row.getId()));
            result.add(new ClaimedTask(TaskId.of(row.getId()), row.getType(), row.getResourceGroup(), row.getPayload(),
                    row.getAttempts(), row.getMaxAttempts(), token, expiresAt));
        }
        result.sort(Comparator.comparingInt(task -> ids.indexOf(task.id().value())));
        return result;
    }

    /**
     * RUNNING → COMPLETED and the result row, if the lease token is still the task's.
     *
     * @return false when the token is stale; the caller must then roll back the handler's work
     */
    public boolean markSucceeded(ClaimedTask task, String resultJson, long executionMs, Instant now) {
        int rows = em.createNamedQuery(TaskEntity.COMPLETE)
                .setParameter("completed", COMPLETED)
                .setParameter("running", RUNNING)
                .setParameter("now", now.toEpochMilli())
                .setParameter("id", task.id().value())
                .setParameter("token", task.leaseToken())
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
                .setParameter("failed", FAILED)
                .setParameter("running", RUNNING)
                .setParameter("error", error)
                .setParameter("retryAt", retryAt.toEpochMilli())
                .setParameter("now", now.toEpochMilli())
                .setParameter("id", task.id().value())
                .setParameter("token", task.leaseToken())
                .executeUpdate();
        if (rows == 0) {
            return FailureOutcome.STALE_LEASE;
        }
        int deadLettered = em.createNamedQuery(TaskEntity.FAILED_TO_DEAD_LETTER)
                .setParameter("deadLetter", DEAD_LETTER)
                .setParameter("failed", FAILED)
                .setParameter("now", now.toEpochMilli())
                .setParameter("id", task.id().value())
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
                    .setParameter("pending", PENDING)
                    .setParameter("failed", FAILED)
                    .setParameter("now", now.toEpochMilli())
                    .setParameter("id", id)
                    .executeUpdate();
        }
        return promoted;
    }

    /** PENDING → CANCELLED. */
    public void cancel(TaskId id, Instant now) {
        int rows = em.createNamedQuery(TaskEntity.CANCEL)
                .setParameter("cancelled", CANCELLED)
                .setParameter("pending", PENDING)
                .setParameter("now", now.toEpochMilli())
                .setParameter("id", id.value())
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
