package io.tideflow.queue.store;

import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskNotFoundException;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.model.RetryDecision;
import io.tideflow.queue.model.Transition;
import io.tideflow.queue.sql.SqlRunner;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The task store's write side. Every method runs in the caller's transaction; every state change is one conditional
 * statement on the state it leaves (and, while RUNNING, on the lease token), and appends its transitions to the
 * task's history in the same transaction. Zero rows changed means another worker decided first.
 */
public class TaskStore {

    private final EntityManager em;
    private final String node;
    private final StoreDialect dialect;
    private final SqlRunner sql;
    private final TaskHistory history;

    public TaskStore(EntityManager em, String node, StoreDialect dialect) {
        this.em = em;
        this.node = node;
        this.dialect = dialect;
        this.sql = dialect.on(em);
        this.history = new TaskHistory(em, node, dialect);
    }

    public Optional<TaskId> findIdByIdempotencyKey(String key) {
        return sql.first(
                "task.idByIdempotencyKey", row -> TaskId.of(row.getString(1).trim()), key);
    }

    /**
     * PENDING, with its first history row, unless the task is a duplicate: another task, committed before or by a
     * concurrent transaction, already holds its idempotency key or already requeues the same dead letter. A native
     * insert, like every other write here: a managed entity per enqueue would make a bulk enqueue flush an ever
     * larger persistence context.
     *
     * @return empty when the task was inserted; else the id of the task that holds its key or requeues its dead
     *         letter, and nothing was written
     */
    public Optional<TaskId> insert(NewTask task) {
        return insert(task, BulkTaskInsert.requeueDetail(task));
    }

    /** Like {@link #insert}, for the copy of a dead letter an operator requeued: the history says who. */
    public Optional<TaskId> insertRequeued(NewTask copy, String actor) {
        String detail = BulkTaskInsert.requeueDetail(copy);
        return insert(copy, actor == null ? detail : detail + " by " + actor);
    }

    private Optional<TaskId> insert(NewTask task, String enqueuedDetail) {
        Object[] parameters = BulkTaskInsert.taskParameters(task);
        if (task.idempotencyKey() == null && task.requeuedFrom() == null) {
            Optional<String> oneStatement = dialect.enqueueInOneStatement();
            if (oneStatement.isPresent()) {
                sql.update(oneStatement.get(), history.withFirstRecord(parameters, enqueuedDetail));
                return Optional.empty();
            }
            sql.update("task.insert", parameters);
        } else if (!sql.insertIfAbsent("task.insertIfAbsent", parameters)) {
            return Optional.of(holderOf(task));
        }
        history.appendEnqueued(task.id().value(), task.createdAt(), enqueuedDetail);
        return Optional.empty();
    }

    /**
     * Like {@link #insert} for each task: those without an idempotency key in two JDBC batches (the bulk enqueue's
     * fast path), those with one each on its own, as a concurrent submission of the same key may win.
     *
     * @return the tasks that were not inserted, by idempotency key, with the id of the task that holds the key
     */
    public Map<String, TaskId> insertAll(List<NewTask> tasks) {
        Map<String, TaskId> holders = new HashMap<>();
        for (NewTask refused : BulkTaskInsert.insertAll(sql, node, tasks, keyed -> dialect.insertKeyed(sql, keyed))) {
            holders.put(refused.idempotencyKey(), holderOf(refused));
        }
        return holders;
    }

    /** The task that made {@code task.insertIfAbsent} refuse {@code task}: it has committed, so it can be read. */
    private TaskId holderOf(NewTask task) {
        Optional<TaskId> holder = task.idempotencyKey() != null
                ? findIdByIdempotencyKey(task.idempotencyKey())
                : sql.first(
                        "task.idRequeuedFrom",
                        row -> TaskId.of(row.getString(1).trim()),
                        task.requeuedFrom().value());
        return holder.orElseThrow(() -> new IllegalStateException(
                "task " + task.id() + " was refused as a duplicate, but no task holds its key or dead letter"));
    }

    /**
     * Claims up to {@code limit} due PENDING tasks of the given types in the unrestricted groups (those without a row
     * in {@code resource_groups} that limits or pauses them), highest priority first, then oldest, under one fresh
     * lease token, the way this database does it best ({@link StoreDialect}), and records PENDING → RUNNING for each.
     * A node claims only the types it has handlers for: tasks of other types wait for a node that runs them.
     */
    public List<LeasedTask> claimDue(int limit, Instant now, Duration leaseDuration, Collection<String> types) {
        return claim(limit, now, leaseDuration, null, List.copyOf(types));
    }

    /** Which of {@code groups} have a PENDING task due at {@code now}: one read over the group/state index. */
    public Set<String> groupsWithDueTasks(List<String> groups, Instant now) {
        Set<String> due = new HashSet<>();
        for (List<String> some : sql.slices("task.groupsWithDueTasks", groups)) {
            due.addAll(sql.list("task.groupsWithDueTasks", row -> row.getString(1), now.toEpochMilli(), some));
        }
        return due;
    }

    /** The groups that have a PENDING task of {@code type} due at {@code now}. */
    public Set<String> groupsWithDueTasksOfType(String type, Instant now) {
        return new HashSet<>(
                sql.list("task.groupsWithDueTasksOfType", row -> row.getString(1), now.toEpochMilli(), type));
    }

    /** The groups that any task, in any state, names: a read of every task (of an index of them all on Derby). */
    public Set<String> groupsHoldingTasks() {
        return new HashSet<>(sql.list("task.groupsHoldingTasks", row -> row.getString(1)));
    }

    /**
     * The groups that have a PENDING task due at {@code now}, at most {@code max} of them: the dispatcher's look for
     * groups it has not seen yet, when its claims were all taken by the groups it knows.
     */
    public List<String> groupsDue(Instant now, int max) {
        return sql.list("task.groupsDue", max, row -> row.getString(1), now.toEpochMilli());
    }

    /**
     * Like {@link #claimDue}, from one group only: the caller has decided how many that group may start.
     *
     * @param types the types to claim, or {@code null} for any type (a worker that runs whatever the group holds)
     */
    public List<LeasedTask> claimDueInGroup(
            String group, Collection<String> types, int limit, Instant now, Duration leaseDuration) {
        return claim(limit, now, leaseDuration, group, types == null ? null : List.copyOf(types));
    }

    /**
     * Like {@link #claimDueInGroup}, from several groups under one lease token: up to {@code wantedByGroup}'s number
     * from each (its fair share), in each group's order; one statement on PostgreSQL.
     */
    public List<LeasedTask> claimDueFromGroups(
            Map<String, Integer> wantedByGroup, Collection<String> types, Instant now, Duration leaseDuration) {
        if (types.isEmpty() || wantedByGroup.isEmpty()) {
            return List.of();
        }
        Instant expiresAt = now.plus(leaseDuration);
        String token = UUID.randomUUID().toString();
        return leased(
                dialect.claimFromGroups(
                        sql,
                        new StoreDialect.GroupsClaimRequest(
                                Map.copyOf(wantedByGroup), node, token, now, expiresAt, List.copyOf(types))),
                token,
                expiresAt);
    }

    private List<LeasedTask> claim(int limit, Instant now, Duration leaseDuration, String group, List<String> types) {
        if (types != null && types.isEmpty()) {
            return List.of();
        }
        Instant expiresAt = now.plus(leaseDuration);
        String token = UUID.randomUUID().toString();
        List<ClaimedRow> rows =
                dialect.claim(sql, new StoreDialect.ClaimRequest(limit, node, token, now, expiresAt, group, types));
        return leased(rows, token, expiresAt);
    }

    /** The claimed rows as leased tasks (the dialect's claim wrote their history rows). */
    private List<LeasedTask> leased(List<ClaimedRow> rows, String token, Instant expiresAt) {
        List<LeasedTask> claimed = new ArrayList<>(rows.size());
        for (ClaimedRow row : rows) {
            claimed.add(new LeasedTask(
                    TaskId.of(row.id()),
                    row.type(),
                    row.group(),
                    row.payload(),
                    row.attempts(),
                    row.maxAttempts(),
                    token,
                    expiresAt,
                    Instant.ofEpochMilli(row.runAt())));
        }
        return claimed;
    }

    /**
     * RUNNING → COMPLETED and the result row, if the lease token is still the task's.
     *
     * @return false when the token is stale; the caller must then roll back the handler's work
     */
    public boolean markSucceeded(LeasedTask task, String resultJson, long executionMs, Instant now) {
        Optional<String> oneStatement = dialect.completionInOneStatement();
        if (oneStatement.isPresent()) {
            return sql.first(
                                    oneStatement.get(),
                                    row -> row.getInt(1),
                                    executionMs,
                                    now.toEpochMilli(),
                                    task.id().value(),
                                    task.leaseToken(),
                                    resultJson,
                                    node,
                                    task.attempt())
                            .orElse(0)
                    == 1;
        }
        if (change(
                        Transition.COMPLETE,
                        executionMs,
                        now.toEpochMilli(),
                        task.id().value(),
                        task.leaseToken())
                == 0) {
            return false;
        }
        if (resultJson != null) {
            sql.update("result.insert", task.id().value(), resultJson, now.toEpochMilli());
        }
        history.append(task.id().value(), Transition.COMPLETE, now, task.attempt(), null);
        return true;
    }

    /** RUNNING → FAILED with the next run time, then FAILED → DEAD_LETTER when the decision says so. */
    public FailureVerdict recordFailure(
            LeasedTask task, String errorText, RetryDecision decision, Instant retryAt, Instant now) {
        String error = ColumnText.fit(errorText, ColumnText.ERROR_CHARS);
        if (change(
                        Transition.FAIL,
                        error,
                        retryAt.toEpochMilli(),
                        now.toEpochMilli(),
                        task.id().value(),
                        task.leaseToken())
                == 0) {
            return FailureVerdict.STALE_LEASE;
        }
        history.append(task.id().value(), Transition.FAIL, now, task.attempt(), error);
        return decision == RetryDecision.DEAD_LETTER
                ? deadLetter(task.id().value(), task.attempt(), now)
                : FailureVerdict.RETRY_SCHEDULED;
    }

    FailureVerdict deadLetter(String id, int attempt, Instant now) {
        if (change(Transition.DEAD_LETTER_FAILED, now.toEpochMilli(), id) != 1) {
            throw new IllegalStateException(
                    "task " + id + " left FAILED inside its own transaction; this indicates a bug");
        }
        history.append(id, Transition.DEAD_LETTER_FAILED, now, attempt, null);
        return FailureVerdict.DEAD_LETTERED;
    }

    /** FAILED → PENDING for up to {@code limit} tasks whose retry time has come. */
    public int promoteDueRetries(Instant now, int limit) {
        List<DueRetry> due = sql.list(
                "task.dueRetries",
                limit,
                row -> new DueRetry(row.getString(1).trim(), row.getInt(2)),
                now.toEpochMilli());
        int promoted = 0;
        // the oldest due, changed in row order
        for (DueRetry retry : RowOrder.byTaskId(due, DueRetry::id)) {
            if (change(Transition.PROMOTE, now.toEpochMilli(), retry.id(), now.toEpochMilli()) == 1) {
                history.append(retry.id(), Transition.PROMOTE, now, retry.attempts(), "retry");
                promoted++;
            }
        }
        return promoted;
    }

    /**
     * Cancels a task: PENDING → CANCELLED; WAITING → CANCELLED (a workflow step: the steps that wait for it are
     * cancelled in turn); FAILED → CANCELLED (the retry is dropped); RUNNING is asked to stop and ends CANCELLED if its
     * handler stops.
     *
     * @param actor who asked, for the history (null: the application itself)
     */
    public CancelOutcome cancel(TaskId id, Instant now, String actor) {
        String by = actor == null ? "" : " by " + actor;
        if (change(Transition.CANCEL_PENDING, now.toEpochMilli(), id.value()) == 1) {
            history.append(id.value(), Transition.CANCEL_PENDING, now, attemptsOf(id.value()), "cancelled" + by);
            return CancelOutcome.CANCELLED;
        }
        if (sql.update(
                        TransitionStatements.nameOf(Transition.CANCEL_WAITING),
                        "cancelled" + by,
                        now.toEpochMilli(),
                        id.value())
                == 1) {
            history.append(id.value(), Transition.CANCEL_WAITING, now, 0, "cancelled" + by);
            return CancelOutcome.CANCELLED;
        }
        if (change(Transition.CANCEL_RETRY, now.toEpochMilli(), id.value()) == 1) {
            history.append(
                    id.value(),
                    Transition.CANCEL_RETRY,
                    now,
                    attemptsOf(id.value()),
                    "cancelled while waiting to retry" + by);
            return CancelOutcome.CANCELLED;
        }
        // not a change of state: the running attempt's lease keeper sees the flag and asks the handler to stop
        if (sql.update("task.requestCancel", now.toEpochMilli(), id.value()) == 1) {
            return CancelOutcome.STOP_REQUESTED;
        }
        TaskEntity task = em.find(TaskEntity.class, id.value());
        if (task == null) {
            throw new TaskNotFoundException(id);
        }
        throw new IllegalTransitionException(id, task.getType(), task.getState(), Transition.CANCEL_PENDING.to());
    }

    /** A handler stopped on a cancel request: RUNNING → CANCELLED, if the lease token is still the task's. */
    public boolean markCancelled(LeasedTask task, Instant now) {
        if (fenced(Transition.CANCEL_RUNNING, task, now) == 0) {
            return false;
        }
        history.append(
                task.id().value(), Transition.CANCEL_RUNNING, now, task.attempt(), "stopped on a cancel request");
        return true;
    }

    /**
     * Gives a claimed task back (at shutdown, or never started): RUNNING → PENDING without counting the attempt, so
     * another node or the next start runs it at once.
     *
     * @param reason the history's detail, such as "released at shutdown"
     */
    public boolean release(LeasedTask task, Instant now, String reason) {
        if (fenced(Transition.RELEASE, task, now) == 0) {
            return false;
        }
        history.append(task.id().value(), Transition.RELEASE, now, task.attempt() - 1, reason);
        return true;
    }

    /**
     * Gives a running task back for later without burning its attempt (the handler's own protection refused the call):
     * RUNNING → PENDING, due at {@code runAt}.
     */
    public FailureVerdict defer(LeasedTask task, Instant runAt, String reason, Instant now) {
        if (change(
                        Transition.DEFER,
                        runAt.toEpochMilli(),
                        now.toEpochMilli(),
                        task.id().value(),
                        task.leaseToken())
                == 0) {
            return FailureVerdict.STALE_LEASE;
        }
        history.append(task.id().value(), Transition.DEFER, now, task.attempt() - 1, reason + "; attempt not counted");
        return FailureVerdict.DEFERRED;
    }

    /** The state of a task as this transaction sees it. */
    public Optional<TaskState> stateOf(TaskId id) {
        return Optional.ofNullable(em.find(TaskEntity.class, id.value())).map(TaskEntity::getState);
    }

    /** A fenced transition that sets nothing of its own: time, id, token. */
    private int fenced(Transition transition, LeasedTask task, Instant now) {
        return change(transition, now.toEpochMilli(), task.id().value(), task.leaseToken());
    }

    /** Runs {@code transition}'s conditional update, parameters in the catalog's order. */
    int change(Transition transition, Object... parameters) {
        return sql.update(TransitionStatements.nameOf(transition), parameters);
    }

    private int attemptsOf(String id) {
        TaskEntity task = em.find(TaskEntity.class, id);
        return task == null ? 0 : task.getAttempts();
    }

    private record DueRetry(String id, int attempts) {}
}
