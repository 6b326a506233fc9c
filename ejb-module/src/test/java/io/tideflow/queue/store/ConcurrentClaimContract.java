package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers drain 5,000 tasks from one Derby database the way the engine does: each dispatcher claims batches
 * on its own thread and hands every task to one of its eight workers. Each run writes a side effect with a unique
 * key in the completion's transaction, so a task run twice would show as a key violation; runs are also counted in
 * memory.
 */
abstract class ConcurrentClaimContract {

    private static final int TASKS = 5_000;
    private static final int WORKERS = 8;
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final TestDatabase db = newDatabase();

    abstract TestDatabase newDatabase();

    private final Map<String, AtomicInteger> runsPerTask = new ConcurrentHashMap<>();
    private final LongAdder duplicateEffects = new LongAdder();
    private final java.util.Queue<Exception> otherFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final LongAdder staleCompletions = new LongAdder();
    private final LongAdder completed = new LongAdder();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void twoDispatchersOfEightWorkersNeverRunATaskTwiceAndLeaveNoneBehind() throws Exception {
        db.execute("CREATE TABLE side_effects (task_id CHAR(36) NOT NULL PRIMARY KEY, worker VARCHAR(40) NOT NULL)");
        TaskFixtures.insertInChunks(db, TASKS, i -> aTask().withPriority(i % 10));

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> dispatch("node-a"));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> dispatch("node-b"));
        CompletableFuture.allOf(a, b).get(5, TimeUnit.MINUTES);

        assertThat(otherFailures)
                .as("completions that failed for another reason than a duplicate")
                .isEmpty();
        assertThat(duplicateEffects.sum()).as("side effects written twice").isZero();
        assertThat(staleCompletions.sum())
                .as("completions refused for a stale lease")
                .isZero();
        assertThat(runsPerTask).hasSize(TASKS);
        assertThat(runsPerTask.values())
                .allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
        assertThat(completed.sum()).isEqualTo(TASKS);
        assertThat(count("SELECT COUNT(*) FROM side_effects")).isEqualTo(TASKS);
        assertThat(count("SELECT COUNT(*) FROM tasks WHERE state = '" + TaskState.COMPLETED + "'"))
                .isEqualTo(TASKS);
        assertThat(count("SELECT COUNT(DISTINCT worker) FROM side_effects WHERE worker LIKE 'node-a/%'"))
                .isPositive();
        assertThat(count("SELECT COUNT(DISTINCT worker) FROM side_effects WHERE worker LIKE 'node-b/%'"))
                .isPositive();
    }

    /** One dispatcher: claims what its free workers can take, until no task is left PENDING. */
    private void dispatch(String node) {
        new SimulatedDispatcher(db, node, WORKERS, NOW)
                .drain("SELECT COUNT(*) FROM tasks WHERE state IN ('PENDING', 'RUNNING')", this::run);
    }

    private void run(LeasedTask task, String worker) {
        runsPerTask
                .computeIfAbsent(task.id().value(), id -> new AtomicInteger())
                .incrementAndGet();
        try {
            db.inTransaction(em -> {
                em.createNativeQuery("INSERT INTO side_effects (task_id, worker) VALUES (?, ?)")
                        .setParameter(1, task.id().value())
                        .setParameter(2, worker)
                        .executeUpdate();
                if (!db.store(em, "worker").markSucceeded(task, null, 0, NOW)) {
                    staleCompletions.increment();
                    throw new IllegalStateException("stale lease for " + task.id());
                }
                return null;
            });
            completed.increment();
        } catch (jakarta.persistence.PersistenceException e) {
            if (isUniqueViolation(e)) {
                duplicateEffects.increment();
            } else {
                otherFailures.add(e);
            }
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private long count(String sql) {
        return db.count(sql);
    }
}
