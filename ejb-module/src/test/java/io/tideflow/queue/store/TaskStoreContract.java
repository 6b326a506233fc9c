package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskNotFoundException;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskEventView;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskPage;
import io.tideflow.queue.api.admin.TaskView;
import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.model.RetryDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

abstract class TaskStoreContract {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private final Instant now = Instant.parse("2026-06-01T12:00:00Z");
    private final TestDatabase db = newDatabase();

    abstract TestDatabase newDatabase();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void claimTakesTheHighestPriorityFirstThenTheOldest() {
        NewTask lowOld = insert(aTask().withPriority(1));
        NewTask highOld = insert(aTask().withPriority(8));
        NewTask midOld = insert(aTask().withPriority(5));
        NewTask highNew = insert(aTask().withPriority(8));
        NewTask midNew = insert(aTask().withPriority(5));

        List<TaskId> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            order.addAll(claim(1, "node-a").stream().map(LeasedTask::id).toList());
        }
        assertThat(order).containsExactly(highOld.id(), highNew.id(), midOld.id(), midNew.id(), lowOld.id());
    }

    @Test
    void claimLeavesTasksThatAreNotDueYet() {
        insert(aTask().dueAt(now.plusSeconds(1)));
        NewTask due = insert(aTask().dueAt(now));
        assertThat(claim(10, "node-a")).extracting(LeasedTask::id).containsExactly(due.id());
    }

    @Test
    void claimRecordsTheOwnerAFreshLeaseAndCountsTheAttempt() {
        NewTask task = insert(aTask().withPayload("{\"n\":1}"));
        LeasedTask claimed = claim(1, "node-a").get(0);
        assertThat(claimed.attempt()).isEqualTo(1);
        assertThat(claimed.payloadJson()).isEqualTo("{\"n\":1}");
        assertThat(claimed.leaseExpiresAt()).isEqualTo(now.plus(LEASE));
        assertThat(claimed.leaseToken()).hasSize(36);
        assertThat(stateOf(task.id())).isEqualTo(TaskState.RUNNING);
        assertThat(db.<String>inTransaction(
                        em -> em.find(TaskEntity.class, task.id().value()).getLeaseOwner()))
                .isEqualTo("node-a");
    }

    @Test
    void aClaimedTaskIsNotClaimedAgain() {
        insert(aTask());
        assertThat(claim(5, "node-a")).hasSize(1);
        assertThat(claim(5, "node-b")).isEmpty();
    }

    @Test
    void completionWithAStaleLeaseTokenChangesNothing() {
        NewTask task = insert(aTask());
        LeasedTask claimed = claim(1, "node-a").get(0);
        LeasedTask stale = withToken(claimed, "00000000-0000-0000-0000-000000000000");

        assertThat(db.<Boolean>inTransaction(em -> db.store(em, "node-a").markSucceeded(stale, "1", 5, now)))
                .isFalse();
        assertThat(stateOf(task.id())).isEqualTo(TaskState.RUNNING);
        assertThat(db.<Boolean>inTransaction(
                        em -> db.store(em, "node-a").markSucceeded(claimed, "{\"ok\":true}", 5, now)))
                .isTrue();
        TaskView view = db.inTransaction(em -> new TaskReader(em, db.dialect()).find(task.id()))
                .orElseThrow();
        assertThat(view.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(view.resultJson()).isEqualTo("{\"ok\":true}");
        assertThat(db.<Boolean>inTransaction(em -> db.store(em, "node-a").markSucceeded(claimed, "2", 5, now)))
                .as("a second completion with the same token")
                .isFalse();
    }

    @Test
    void aBulkInsertWritesEveryTaskWithItsFirstHistoryRowAsTheSingleInsertDoes() {
        List<NewTask> tasks = List.of(
                aTask().withPriority(7).build(),
                aTask().withPayload("{\"n\":2}").build(),
                aTask().build());
        db.inTransaction(em -> {
            db.store(em, "node-a").insertAll(tasks);
            return null;
        });
        for (NewTask task : tasks) {
            TaskView view = db.inTransaction(em -> new TaskReader(em, db.dialect()).find(task.id()))
                    .orElseThrow();
            assertThat(view.state()).isEqualTo(TaskState.PENDING);
            assertThat(view.priority()).isEqualTo(task.priority());
            assertThat(view.payloadJson()).isEqualTo(task.payloadJson());
            assertThat(view.createdAt()).isEqualTo(task.createdAt());
            assertThat(historyOf(task.id()))
                    .extracting(TaskEventView::to, TaskEventView::node)
                    .containsExactly(tuple(TaskState.PENDING, "node-a"));
        }
        assertThat(claim(10, "node-b"))
                .extracting(LeasedTask::id)
                .containsExactly(
                        tasks.get(0).id(), tasks.get(1).id(), tasks.get(2).id());
    }

    @Test
    void batchedCompletionsWriteEveryTaskWhoseLeaseIsStillItsOwnAndNothingForAStaleOne() {
        for (int i = 0; i < 3; i++) {
            insert(aTask());
        }
        List<LeasedTask> claimed = claim(3, "node-a");
        LeasedTask stale = withToken(claimed.get(1), "00000000-0000-0000-0000-000000000000");
        List<CompletionWriter.Completion> completions = List.of(
                new CompletionWriter.Completion(claimed.get(0), "{\"n\":0}", 3, now),
                new CompletionWriter.Completion(stale, "{\"n\":1}", 3, now),
                new CompletionWriter.Completion(claimed.get(2), null, 4, now));

        List<CompletionWriter.Completion> refused =
                db.inTransaction(em -> new CompletionWriter(em, "node-a", db.dialect()).writeAll(completions));

        assertThat(refused).containsExactly(completions.get(1));
        TaskView first = db.inTransaction(em ->
                        new TaskReader(em, db.dialect()).find(claimed.get(0).id()))
                .orElseThrow();
        assertThat(first.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(first.resultJson()).isEqualTo("{\"n\":0}");
        assertThat(first.executionMs()).isEqualTo(3L);
        assertThat(stateOf(claimed.get(1).id())).isEqualTo(TaskState.RUNNING);
        assertThat(stateOf(claimed.get(2).id())).isEqualTo(TaskState.COMPLETED);
        assertThat(historyOf(claimed.get(2).id()))
                .extracting(TaskEventView::to, TaskEventView::node)
                .containsExactly(
                        tuple(TaskState.PENDING, "node-a"),
                        tuple(TaskState.RUNNING, "node-a"),
                        tuple(TaskState.COMPLETED, "node-a"));
        assertThat(historyOf(claimed.get(1).id()))
                .extracting(TaskEventView::to)
                .containsExactly(TaskState.PENDING, TaskState.RUNNING);
    }

    @Test
    void aDeferredTaskIsPendingAgainLaterWithoutItsAttemptCounted() {
        NewTask task = insert(aTask());
        LeasedTask claimed = claim(1, "node-a").get(0);
        Instant later = now.plusSeconds(5);
        assertThat(db.<FailureVerdict>inTransaction(
                        em -> db.store(em, "node-a").defer(claimed, later, "deferred: full", now)))
                .isEqualTo(FailureVerdict.DEFERRED);

        TaskView view = db.inTransaction(em -> new TaskReader(em, db.dialect()).find(task.id()))
                .orElseThrow();
        assertThat(view.state()).isEqualTo(TaskState.PENDING);
        assertThat(view.attempts()).isZero();
        assertThat(view.runAt()).isEqualTo(later);
        assertThat(historyOf(task.id()))
                .as("one edge, RUNNING -> PENDING, and no failure that never happened")
                .extracting(TaskEventView::to)
                .containsExactly(TaskState.PENDING, TaskState.RUNNING, TaskState.PENDING);
        assertThat(claim(1, "node-a")).as("not before its time").isEmpty();
        assertThat(db.<FailureVerdict>inTransaction(em -> db.store(em, "node-a").defer(claimed, later, "again", now)))
                .as("the token is spent")
                .isEqualTo(FailureVerdict.STALE_LEASE);
    }

    @Test
    void failureWithAStaleLeaseTokenChangesNothing() {
        NewTask task = insert(aTask());
        LeasedTask stale = withToken(claim(1, "node-a").get(0), "00000000-0000-0000-0000-000000000000");
        assertThat(db.<FailureVerdict>inTransaction(
                        em -> db.store(em, "node-a").recordFailure(stale, "boom", RetryDecision.RETRY, now, now)))
                .isEqualTo(FailureVerdict.STALE_LEASE);
        assertThat(stateOf(task.id())).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void aFailureSchedulesARetryUntilTheAttemptsAreSpentThenDeadLetters() {
        NewTask task = insert(aTask().withMaxAttempts(2));
        LeasedTask first = claim(1, "node-a").get(0);
        Instant retryAt = now.plusSeconds(5);
        assertThat(db.<FailureVerdict>inTransaction(
                        em -> db.store(em, "node-a").recordFailure(first, "boom 1", RetryDecision.RETRY, retryAt, now)))
                .isEqualTo(FailureVerdict.RETRY_SCHEDULED);
        assertThat(stateOf(task.id())).isEqualTo(TaskState.FAILED);

        assertThat(db.<Integer>inTransaction(em -> db.store(em, "node-a").promoteDueRetries(now, 10)))
                .as("not due yet")
                .isZero();
        assertThat(db.<Integer>inTransaction(em -> db.store(em, "node-a").promoteDueRetries(retryAt, 10)))
                .isEqualTo(1);
        assertThat(stateOf(task.id())).isEqualTo(TaskState.PENDING);

        LeasedTask second = db.inTransaction(
                        em -> db.store(em, "node-a").claimDue(1, retryAt, LEASE, TaskFixtures.TYPES))
                .get(0);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(db.<FailureVerdict>inTransaction(em -> db.store(em, "node-a")
                        .recordFailure(second, "boom 2", RetryDecision.DEAD_LETTER, retryAt, retryAt)))
                .isEqualTo(FailureVerdict.DEAD_LETTERED);
        TaskView view = db.inTransaction(em -> new TaskReader(em, db.dialect()).find(task.id()))
                .orElseThrow();
        assertThat(view.state()).isEqualTo(TaskState.DEAD_LETTER);
        assertThat(view.lastError()).isEqualTo("boom 2");
    }

    @Test
    void aWaitingTaskIsCancelledAtOnceAndARunningOneIsAskedToStop() {
        NewTask pending = insert(aTask());
        assertThat(cancel(pending.id())).isEqualTo(CancelOutcome.CANCELLED);
        assertThat(stateOf(pending.id())).isEqualTo(TaskState.CANCELLED);
        assertThat(historyOf(pending.id()))
                .last()
                .extracting(TaskEventView::detail)
                .isEqualTo("cancelled by alice");

        NewTask failed = insert(aTask());
        LeasedTask attempt = claim(1, "node-a").get(0);
        db.inTransaction(em ->
                db.store(em, "node-a").recordFailure(attempt, "boom", RetryDecision.RETRY, now.plusSeconds(60), now));
        assertThat(cancel(failed.id())).isEqualTo(CancelOutcome.CANCELLED);
        assertThat(historyOf(failed.id()))
                .extracting(TaskEventView::to)
                .containsExactly(TaskState.PENDING, TaskState.RUNNING, TaskState.FAILED, TaskState.CANCELLED);
        assertThat(historyOf(failed.id()))
                .last()
                .extracting(TaskEventView::detail)
                .isEqualTo("cancelled while waiting to retry by alice");

        NewTask running = insert(aTask());
        LeasedTask runningAttempt = claim(1, "node-a").get(0);
        assertThat(cancel(running.id())).isEqualTo(CancelOutcome.STOP_REQUESTED);
        assertThat(stateOf(running.id())).isEqualTo(TaskState.RUNNING);
        assertThat(db.<Boolean>inTransaction(em -> db.store(em, "node-a").markCancelled(runningAttempt, now)))
                .isTrue();
        assertThat(stateOf(running.id())).isEqualTo(TaskState.CANCELLED);
        assertThat(historyOf(running.id()))
                .extracting(TaskEventView::from, TaskEventView::to)
                .last()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple(TaskState.RUNNING, TaskState.CANCELLED));

        assertThatThrownBy(() -> cancel(running.id()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("CANCELLED to CANCELLED");
        assertThatThrownBy(() -> cancel(TaskId.of("01a22059-3c17-7000-9c96-000000000000")))
                .isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    void everyTransitionIsRecordedInTheTasksHistory() {
        NewTask task = insert(aTask().withMaxAttempts(2));
        LeasedTask first = claim(1, "node-a").get(0);
        db.inTransaction(em -> db.store(em, "node-a").recordFailure(first, "boom", RetryDecision.RETRY, now, now));
        db.inTransaction(em -> db.store(em, "node-a").promoteDueRetries(now, 10));
        LeasedTask second = claim(1, "node-b").get(0);
        db.inTransaction(em -> db.store(em, "node-b").markSucceeded(second, "{}", 1, now));

        List<TaskEventView> history = historyOf(task.id());
        assertThat(history)
                .extracting(TaskEventView::from)
                .containsExactly(
                        null,
                        TaskState.PENDING,
                        TaskState.RUNNING,
                        TaskState.FAILED,
                        TaskState.PENDING,
                        TaskState.RUNNING);
        assertThat(history)
                .extracting(TaskEventView::to)
                .containsExactly(
                        TaskState.PENDING,
                        TaskState.RUNNING,
                        TaskState.FAILED,
                        TaskState.PENDING,
                        TaskState.RUNNING,
                        TaskState.COMPLETED);
        assertThat(history).extracting(TaskEventView::attempt).containsExactly(0, 1, 1, 1, 2, 2);
        assertThat(history)
                .extracting(TaskEventView::node)
                .containsExactly("node-a", "node-a", "node-a", "node-a", "node-b", "node-b");
        assertThat(history.get(2).detail()).isEqualTo("boom");
    }

    @Test
    void aReleasedTaskIsPendingAgainWithoutCountingTheAttempt() {
        NewTask task = insert(aTask());
        LeasedTask attempt = claim(1, "node-a").get(0);
        assertThat(db.<Boolean>inTransaction(
                        em -> db.store(em, "node-a").release(attempt, now, "released at shutdown")))
                .isTrue();
        assertThat(stateOf(task.id())).isEqualTo(TaskState.PENDING);
        assertThat(claim(1, "node-b").get(0).attempt()).isEqualTo(1);
        assertThat(db.<Boolean>inTransaction(em -> db.store(em, "node-a").markSucceeded(attempt, null, 1, now)))
                .as("the released attempt's late completion")
                .isFalse();
    }

    @Test
    void theSchemaRefusesRowsThatBreakTheInvariants() {
        String columns = "INSERT INTO tasks (id, type, resource_group, payload, state, priority, run_at, created_at,"
                + " updated_at, attempts, max_attempts, lease_token, lease_expires_at) VALUES ";
        assertRefusedBy(
                "tasks_state_ck",
                columns + "('a0000000-0000-7000-8000-000000000001','t','g','{}','SLEEPING',5,0,0,0,0,3,NULL,NULL)");
        assertRefusedBy(
                "tasks_priority_ck",
                columns + "('a0000000-0000-7000-8000-000000000002','t','g','{}','PENDING',10,0,0,0,0,3,NULL,NULL)");
        assertRefusedBy(
                "tasks_attempts_ck",
                columns + "('a0000000-0000-7000-8000-000000000003','t','g','{}','PENDING',5,0,0,0,4,3,NULL,NULL)");
        assertRefusedBy(
                "tasks_running_has_lease_ck",
                columns + "('a0000000-0000-7000-8000-000000000004','t','g','{}','RUNNING',5,0,0,0,1,3,NULL,NULL)");
        assertThat(db.count("SELECT COUNT(*) FROM tasks")).isZero();
    }

    private void assertRefusedBy(String constraint, String sql) {
        assertThatThrownBy(() -> db.execute(sql))
                .rootCause()
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase(constraint));
    }

    @Test
    void listingPagesNewestFirstWithAKeysetCursorAndFilters() {
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tasks.add(insert(aTask()));
        }
        claim(2, "node-a");

        TaskPage first = db.inTransaction(em -> new TaskReader(em, db.dialect()).list(TaskFilter.all(), 3));
        assertThat(first.items())
                .extracting(TaskView::id)
                .containsExactly(
                        tasks.get(6).id(), tasks.get(5).id(), tasks.get(4).id());
        TaskPage second = db.inTransaction(
                em -> new TaskReader(em, db.dialect()).list(new TaskFilter(null, null, null, first.next()), 3));
        assertThat(second.items())
                .extracting(TaskView::id)
                .containsExactly(
                        tasks.get(3).id(), tasks.get(2).id(), tasks.get(1).id());
        TaskPage last = db.inTransaction(
                em -> new TaskReader(em, db.dialect()).list(new TaskFilter(null, null, null, second.next()), 3));
        assertThat(last.items())
                .extracting(TaskView::id)
                .containsExactly(tasks.get(0).id());
        assertThat(last.next()).isNull();

        TaskPage running = db.inTransaction(em -> new TaskReader(em, db.dialect())
                .list(new TaskFilter(TaskState.RUNNING, "test.noop", "default", null), 10));
        assertThat(running.items())
                .extracting(TaskView::id)
                .containsExactly(tasks.get(1).id(), tasks.get(0).id());
    }

    private NewTask insert(TaskFixtures fixture) {
        NewTask task = fixture.build();
        db.inTransaction(em -> {
            db.store(em, "node-a").insert(task);
            return null;
        });
        return task;
    }

    private List<LeasedTask> claim(int limit, String owner) {
        return db.inTransaction(em -> db.store(em, owner).claimDue(limit, now, LEASE, TaskFixtures.TYPES));
    }

    private CancelOutcome cancel(TaskId id) {
        return db.inTransaction(em -> db.store(em, "node-a").cancel(id, now, "alice"));
    }

    private List<TaskEventView> historyOf(TaskId id) {
        return db.inTransaction(em -> new TaskHistory(em, "reader", db.dialect()).of(id));
    }

    private TaskState stateOf(TaskId id) {
        return db.inTransaction(em -> db.store(em, "node-a").stateOf(id)).orElseThrow();
    }

    private static LeasedTask withToken(LeasedTask task, String token) {
        return new LeasedTask(
                task.id(),
                task.type(),
                task.group(),
                task.payloadJson(),
                task.attempt(),
                task.maxAttempts(),
                token,
                task.leaseExpiresAt(),
                task.dueAt());
    }
}
