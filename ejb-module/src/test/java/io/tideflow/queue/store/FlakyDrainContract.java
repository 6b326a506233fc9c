package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.failure.RetryDecider;
import io.tideflow.queue.model.RetryDecision;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers of eight workers drain 4,000 tasks whose handler fails 20 % of its attempts at random, with the
 * engine's own store operations: failures are recorded in a new transaction after the attempt's rolled back, retries
 * come due at once and are promoted by both dispatchers. Every task must end COMPLETED or DEAD_LETTER exactly as its
 * attempts dictate, and a successful attempt's side effect (written in its transaction) must exist exactly once.
 */
abstract class FlakyDrainContract {

    private static final int TASKS = 4_000;
    private static final int MAX_ATTEMPTS = 3;
    private static final int WORKERS = 8;
    private static final double FAILURE_RATE = 0.2;
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final TestDatabase db = newDatabase();

    abstract TestDatabase newDatabase();

    private final Map<String, AtomicInteger> failedRuns = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> succeededRuns = new ConcurrentHashMap<>();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder staleOutcomes = new LongAdder();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void everyTaskEndsAsItsAttemptsDictateAndNoSideEffectIsRecordedTwice() throws Exception {
        db.execute("CREATE TABLE side_effects (task_id CHAR(36) NOT NULL PRIMARY KEY)");
        TaskFixtures.insertInChunks(db, TASKS, i -> aTask().withMaxAttempts(MAX_ATTEMPTS));

        long started = System.nanoTime();
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> dispatch("node-a")),
                        CompletableFuture.runAsync(() -> dispatch("node-b")))
                .get(10, TimeUnit.MINUTES);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        long completed = count("SELECT COUNT(*) FROM tasks WHERE state = 'COMPLETED'");
        long deadLettered = count("SELECT COUNT(*) FROM tasks WHERE state = 'DEAD_LETTER'");
        System.out.printf(
                "FlakyDrainTest: %d tasks, %d attempts, %d completed, %d dead-lettered, %d ms%n",
                TASKS, attempts.sum(), completed, deadLettered, elapsedMs);

        assertThat(completed + deadLettered).as("every task ended").isEqualTo(TASKS);
        assertThat(count("SELECT COUNT(*) FROM tasks WHERE state IN ('PENDING', 'RUNNING', 'FAILED')"))
                .isZero();
        assertThat(staleOutcomes.sum()).as("outcomes refused for a stale lease").isZero();
        assertThat(count("SELECT COUNT(*) FROM side_effects"))
                .as("one side effect per completed task")
                .isEqualTo(completed);
        assertThat(count("SELECT COUNT(*) FROM side_effects e JOIN tasks t ON t.id = e.task_id"
                        + " WHERE t.state <> 'COMPLETED'"))
                .isZero();
        assertThat(succeededRuns.values())
                .allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
        assertThat(count("SELECT COUNT(*) FROM tasks WHERE state = 'DEAD_LETTER' AND attempts <> " + MAX_ATTEMPTS))
                .as("dead letters spent every attempt")
                .isZero();
        for (Map.Entry<String, AtomicInteger> failures : failedRuns.entrySet()) {
            boolean succeeded = succeededRuns.containsKey(failures.getKey());
            assertThat(failures.getValue().get()).isLessThanOrEqualTo(succeeded ? MAX_ATTEMPTS - 1 : MAX_ATTEMPTS);
        }
        assertThat(count("SELECT SUM(attempts) FROM tasks"))
                .as("attempts counted by the store")
                .isEqualTo(attempts.sum());
        // 0.2^3 of 4,000 tasks is 32 dead letters on average (sd 5.6); outside [8, 80] means the decisions are wrong
        assertThat(deadLettered).isBetween(8L, 80L);
    }

    private void dispatch(String node) {
        new SimulatedDispatcher(db, node, WORKERS, NOW)
                .drain(
                        "SELECT COUNT(*) FROM tasks WHERE state IN ('PENDING', 'RUNNING', 'FAILED')",
                        (task, worker) -> run(node, task));
    }

    private void run(String node, LeasedTask task) {
        attempts.increment();
        boolean fails = ThreadLocalRandom.current().nextDouble() < FAILURE_RATE;
        if (fails) {
            failedRuns
                    .computeIfAbsent(task.id().value(), id -> new AtomicInteger())
                    .incrementAndGet();
            RuntimeException error = new IllegalStateException("random failure");
            RetryDecision decision = RetryDecider.decide(task.attempt(), task.maxAttempts(), error);
            FailureVerdict outcome = db.inTransaction(
                    em -> db.store(em, node).recordFailure(task, error.toString(), decision, NOW, NOW));
            if (outcome == FailureVerdict.STALE_LEASE) {
                staleOutcomes.increment();
            }
            return;
        }
        try {
            db.inTransaction(em -> {
                em.createNativeQuery("INSERT INTO side_effects (task_id) VALUES (?)")
                        .setParameter(1, task.id().value())
                        .executeUpdate();
                if (!db.store(em, node).markSucceeded(task, null, 0, NOW)) {
                    staleOutcomes.increment();
                    throw new IllegalStateException("stale lease for " + task.id());
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!TestDatabase.isDeadlockVictim(e)) {
                throw e;
            }
            // Derby picked the completion as a deadlock's victim (its index updates against a claim's): the attempt's
            // work rolled back, and the engine records it as a failed attempt, as here
            failedRuns
                    .computeIfAbsent(task.id().value(), id -> new AtomicInteger())
                    .incrementAndGet();
            RetryDecision decision = RetryDecider.decide(task.attempt(), task.maxAttempts(), e);
            db.inTransaction(em -> db.store(em, node).recordFailure(task, e.toString(), decision, NOW, NOW));
            return;
        }
        succeededRuns
                .computeIfAbsent(task.id().value(), id -> new AtomicInteger())
                .incrementAndGet();
    }

    private long count(String sql) {
        return db.count(sql);
    }
}
