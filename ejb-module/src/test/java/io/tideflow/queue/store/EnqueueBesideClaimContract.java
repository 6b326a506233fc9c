package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Eight submitters enqueue (one task, or a small batch, per transaction) while a dispatcher of eight workers claims
 * and completes them: no enqueue is ever chosen as a deadlock's victim.
 */
abstract class EnqueueBesideClaimContract {

    private static final int SUBMITTERS = 8;
    private static final int PER_SUBMITTER = 400;
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final TestDatabase db = newDatabase();
    private final LongAdder enqueueDeadlocks = new LongAdder();
    private final List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    abstract TestDatabase newDatabase();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void enqueuesBesideADrainingDispatcherAreNeverDeadlockVictims() throws Exception {
        AtomicBoolean submitting = new AtomicBoolean(true);
        List<CompletableFuture<Void>> submitters = new ArrayList<>();
        for (int s = 0; s < SUBMITTERS; s++) {
            submitters.add(CompletableFuture.runAsync(this::submit));
        }
        CompletableFuture<Void> dispatcher = CompletableFuture.runAsync(() -> {
            while (submitting.get()
                    || db.count("SELECT COUNT(*) FROM tasks WHERE state IN ('PENDING', 'RUNNING')") > 0) {
                new SimulatedDispatcher(db, "node-a", 8, NOW)
                        .drain("SELECT COUNT(*) FROM tasks WHERE state IN ('PENDING', 'RUNNING')", this::complete);
            }
        });
        CompletableFuture.allOf(submitters.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        submitting.set(false);
        dispatcher.get(5, TimeUnit.MINUTES);

        assertThat(failures).isEmpty();
        assertThat(enqueueDeadlocks.sum())
                .as("enqueues chosen as deadlock victims")
                .isZero();
        assertThat(db.count("SELECT COUNT(*) FROM tasks WHERE state = 'COMPLETED'"))
                .isEqualTo((long) SUBMITTERS * PER_SUBMITTER);
    }

    private void submit() {
        int written = 0;
        while (written < PER_SUBMITTER) {
            int size = written % 10 == 9 ? Math.min(5, PER_SUBMITTER - written) : 1;
            List<NewTask> tasks = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                tasks.add(aTask().build());
            }
            try {
                db.inTransaction(em -> {
                    TaskStore store = db.store(em, "submitter");
                    if (tasks.size() == 1) {
                        store.insert(tasks.get(0));
                    } else {
                        store.insertAll(tasks);
                    }
                    return null;
                });
                written += size;
            } catch (RuntimeException e) {
                if (TestDatabase.isDeadlockVictim(e)) {
                    enqueueDeadlocks.increment();
                } else {
                    failures.add(e);
                    return;
                }
            }
        }
    }

    private void complete(LeasedTask task, String worker) {
        db.inTransaction(em -> db.store(em, "worker").markSucceeded(task, null, 0, NOW));
    }
}
