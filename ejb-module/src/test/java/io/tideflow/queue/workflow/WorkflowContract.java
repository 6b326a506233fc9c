package io.tideflow.queue.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.workflow.OnPredecessorFailure;
import io.tideflow.queue.api.workflow.PredecessorView;
import io.tideflow.queue.enqueue.TaskIdGenerator;
import io.tideflow.queue.store.NewTask;
import io.tideflow.queue.store.TestDatabase;
import io.tideflow.queue.store.WaitingTasks;
import io.tideflow.queue.store.workflow.WorkflowStore;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Waiting steps on a real database: released only once every predecessor has completed, cancelled (in a cascade)
 * when one fails, run anyway when they say so, and each changed once however many releasers race, with the
 * protocol the engine follows (a node whose task ended runs a releaser pass after the commit) never leaving a step
 * behind.
 */
abstract class WorkflowContract {

    private static final TaskIdGenerator IDS = new TaskIdGenerator(Clock.systemUTC());
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    final TestDatabase db = newDatabase();

    abstract TestDatabase newDatabase();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private static NewTask task() {
        return new NewTask(IDS.next(), "test.noop", "default", 5, "{}", 3, T0, T0, null, null);
    }

    private <T> T in(Function<EntityManager, T> work) {
        return db.inTransaction(work);
    }

    private boolean anyWaiting() {
        return in(em -> waiting(em).anyWaiting());
    }

    private WaitingTasks waiting(EntityManager em) {
        return new WaitingTasks(em, "node-a", db.dialect());
    }

    private WorkflowStore workflows(EntityManager em) {
        return new WorkflowStore(em, db.dialect());
    }

    /** A PENDING task and its id. */
    private TaskId pending() {
        NewTask task = task();
        in(em -> db.store(em, "node-a").insert(task));
        return task.id();
    }

    /** A WAITING task after the given ones. */
    private TaskId waitingAfter(OnPredecessorFailure onFailure, TaskId... predecessors) {
        NewTask task = task();
        in(em -> {
            waiting(em).insertAll(List.of(task));
            List<WorkflowStore.Dependency> dependencies = new ArrayList<>();
            for (TaskId predecessor : predecessors) {
                dependencies.add(new WorkflowStore.Dependency(task.id(), predecessor, onFailure));
            }
            workflows(em).insertDependencies(dependencies);
            return null;
        });
        return task.id();
    }

    /**
     * A predecessor completes and commits, with its result: the worker's path is the store contract's; what matters
     * here is what the releaser sees once it has committed.
     */
    private void complete(TaskId id) {
        db.execute("UPDATE tasks SET state = 'COMPLETED' WHERE id = '" + id.value() + "' AND state = 'PENDING'");
        db.execute("INSERT INTO task_results (task_id, result, created_at) VALUES ('" + id.value() + "', '{\"done\":\""
                + id.value() + "\"}', 0)");
    }

    private String stateText(TaskId id) {
        try (var connection = db.dataSource().getConnection();
                var query = connection.prepareStatement("SELECT state FROM tasks WHERE id = ?")) {
            query.setString(1, id.value());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1).trim();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One releaser pass, as WorkflowTransactions runs it: cancel the doomed, release the ready, until nothing changes. */
    private int releaserPass() {
        int changedInAll = 0;
        int changed;
        do {
            changed = in(em -> {
                WaitingTasks steps = waiting(em);
                int n = 0;
                for (WaitingTasks.Doomed doomed : steps.doomed(500)) {
                    n += steps.cancel(
                                    doomed.id(),
                                    T0.plusSeconds(2),
                                    "predecessor " + doomed.predecessor() + " ended " + doomed.predecessorState())
                            ? 1
                            : 0;
                }
                for (WaitingTasks.Releasable ready : steps.releasable(500)) {
                    n += steps.release(ready.id(), T0.plusSeconds(2)) ? 1 : 0;
                }
                return n;
            });
            changedInAll += changed;
        } while (changed > 0);
        return changedInAll;
    }

    @Test
    void aChainRunsStepByStepAndEachStepReadsItsPredecessorsResult() {
        TaskId a = pending();
        TaskId b = waitingAfter(OnPredecessorFailure.CANCEL, a);
        TaskId c = waitingAfter(OnPredecessorFailure.CANCEL, b);

        assertThat(anyWaiting()).isTrue();
        assertThat(releaserPass()).isZero();
        assertThat(stateText(b)).isEqualTo("WAITING");

        complete(a);
        assertThat(releaserPass()).isEqualTo(1);
        assertThat(stateText(b)).isEqualTo("PENDING");
        assertThat(stateText(c)).isEqualTo("WAITING");
        List<PredecessorView> ofB = in(em -> workflows(em).predecessorsOf(b));
        assertThat(ofB).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(a);
            assertThat(p.state()).isEqualTo(TaskState.COMPLETED);
            assertThat(p.resultJson()).contains(a.value());
        });

        complete(b);
        releaserPass();
        assertThat(stateText(c)).isEqualTo("PENDING");
        complete(c);
        assertThat(anyWaiting()).isFalse();
        assertThat(db.count("SELECT COUNT(*) FROM task_events WHERE task_id = '" + c.value()
                        + "' AND from_state = 'WAITING' AND to_state = 'PENDING'"))
                .isEqualTo(1);
    }

    @Test
    void aFailedPredecessorCancelsTheChainBehindItUnlessAStepRunsAnyway() {
        TaskId a = pending();
        TaskId b = waitingAfter(OnPredecessorFailure.CANCEL, a);
        TaskId c = waitingAfter(OnPredecessorFailure.CANCEL, b);
        TaskId report = waitingAfter(OnPredecessorFailure.RUN, a);

        db.execute("UPDATE tasks SET state = 'DEAD_LETTER' WHERE id = '" + a.value() + "'");
        releaserPass();

        assertThat(stateText(b)).isEqualTo("CANCELLED");
        assertThat(stateText(c)).isEqualTo("CANCELLED");
        assertThat(stateText(report)).isEqualTo("PENDING");
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE id = '" + c.value() + "' AND last_error LIKE"
                        + " 'predecessor " + b.value() + " ended CANCELLED'"))
                .isEqualTo(1);
    }

    @Test
    void aCancelledPredecessorCancelsItsDependantAndAnOperatorCancelsAWaitingStep() {
        TaskId a = pending();
        TaskId b = waitingAfter(OnPredecessorFailure.CANCEL, a);
        TaskId other = pending();
        TaskId d = waitingAfter(OnPredecessorFailure.CANCEL, other);

        in(em -> db.store(em, "node-a").cancel(a, T0, "alice"));
        in(em -> db.store(em, "node-a").cancel(d, T0, "bob"));
        releaserPass();

        assertThat(stateText(b)).isEqualTo("CANCELLED");
        assertThat(stateText(d)).isEqualTo("CANCELLED");
        complete(other);
        assertThat(releaserPass()).isZero();
    }

    @Test
    void aFanInIsReleasedOnceAfterItsLastPredecessorWhileEightWorkersCompleteThemAndRaceToRelease() throws Exception {
        int width = 200;
        List<TaskId> parts = new ArrayList<>();
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            NewTask task = task();
            tasks.add(task);
            parts.add(task.id());
        }
        in(em -> db.store(em, "loader").insertAll(tasks));
        TaskId join = waitingAfter(OnPredecessorFailure.CANCEL, parts.toArray(TaskId[]::new));
        List<TaskId> shuffled = new ArrayList<>(parts);
        Collections.shuffle(shuffled);
        int workers = 8;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger releasedEarly = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < width; i = next.getAndIncrement()) {
                    TaskId part = shuffled.get(i);
                    complete(part);
                    // the engine's protocol: after a task's commit, its node runs a releaser pass
                    racingPass();
                    if (stateText(join).equals("PENDING")
                            && db.count("SELECT COUNT(*) FROM tasks WHERE state <> 'COMPLETED' AND id <> '"
                                            + join.value() + "'")
                                    > 0) {
                        releasedEarly.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(releasedEarly.get())
                .as("passes that saw the fan-in released before all its parts")
                .isZero();
        assertThat(stateText(join)).isEqualTo("PENDING");
        assertThat(db.count("SELECT COUNT(*) FROM task_events WHERE task_id = '" + join.value()
                        + "' AND from_state = 'WAITING'"))
                .isEqualTo(1);
    }

    @Test
    void releasersAndCancelsRacingOnOneStepChangeItOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            TaskId a = pending();
            TaskId b = waitingAfter(OnPredecessorFailure.CANCEL, a);
            complete(a);
            int racers = 8;
            CyclicBarrier start = new CyclicBarrier(racers);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            AtomicInteger won = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < racers; r++) {
                boolean cancels = r % 2 == 0;
                done.add(pool.submit(() -> {
                    start.await();
                    boolean changed = in(em -> cancels
                            ? waiting(em).cancel(b, T0.plusSeconds(3), "racing cancel")
                            : waiting(em).release(b, T0.plusSeconds(3)));
                    if (changed) {
                        won.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(won.get()).as("round %d", round).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM task_events WHERE task_id = '" + b.value()
                            + "' AND from_state = 'WAITING'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aWorkflowIsWrittenAndReadBackWithItsStepsAndEdges() {
        TaskId a = pending();
        TaskId b = waitingAfter(OnPredecessorFailure.CANCEL, a);
        in(em -> {
            WorkflowStore store = workflows(em);
            store.insert(new WorkflowStore.WorkflowRow("wf-1", "nightly", T0, "alice"));
            store.insertSteps("wf-1", Map.of("extract", a, "load", b));
            return null;
        });

        assertThat(this.<java.util.Optional<WorkflowStore.WorkflowRow>>in(
                        em -> workflows(em).find("wf-1")))
                .hasValue(new WorkflowStore.WorkflowRow("wf-1", "nightly", T0, "alice"));
        assertThat(this.<List<WorkflowStore.StepRow>>in(em -> workflows(em).steps("wf-1")))
                .extracting(WorkflowStore.StepRow::step, WorkflowStore.StepRow::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("extract", TaskState.PENDING),
                        org.assertj.core.groups.Tuple.tuple("load", TaskState.WAITING));
        assertThat(this.<List<TaskId[]>>in(em -> workflows(em).edges("wf-1")))
                .singleElement()
                .satisfies(edge -> {
                    assertThat(edge[0]).isEqualTo(b);
                    assertThat(edge[1]).isEqualTo(a);
                });
        assertThat(this.<List<TaskId>>in(em -> workflows(em).unfinished("wf-1")))
                .containsExactlyInAnyOrder(a, b);
        assertThat(this.<List<TaskId>>in(em -> workflows(em).existing(List.of(a, IDS.next()))))
                .containsExactly(a);
    }

    private void racingPass() {
        while (true) {
            try {
                releaserPass();
                return;
            } catch (RuntimeException e) {
                if (!TestDatabase.isDeadlockVictim(e)) {
                    throw e;
                }
            }
        }
    }
}
