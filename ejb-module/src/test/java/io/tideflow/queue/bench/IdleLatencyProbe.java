package io.tideflow.queue.bench;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.enqueue.TaskIdGenerator;
import io.tideflow.queue.store.NewTask;
import io.tideflow.queue.store.PostgresWakeUpChannel;
import io.tideflow.queue.store.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Idle enqueue-to-start latency: one task at a time is enqueued into an otherwise idle store, and an idle dispatcher
 * thread, woken the way the engine wakes it, claims it. Measured from the start of the enqueue transaction to the
 * moment the claim returns the task to its worker. Same node: the enqueue's commit wakes the dispatcher in memory.
 * Across nodes (PostgreSQL): the enqueuing side announces on its own connection after the commit, as the engine's
 * announcer does, and the dispatcher wakes on its own listening connection.
 */
final class IdleLatencyProbe {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final TestDatabase db;
    private final TaskIdGenerator ids = new TaskIdGenerator(Clock.systemUTC());
    private final Semaphore wake = new Semaphore(0);
    private final BlockingQueue<Started> startedTasks = new LinkedBlockingQueue<>();
    private volatile boolean running = true;

    private record Started(String id, long nanos) {}

    IdleLatencyProbe(TestDatabase db) {
        this.db = db;
    }

    /** @return the latencies in microseconds, sorted */
    long[] sameNode(int tasks) throws Exception {
        Thread dispatcher = startDispatcher();
        try {
            return measure(tasks, wake::release);
        } finally {
            stop(dispatcher);
        }
    }

    /** @return the latencies in microseconds, sorted */
    long[] acrossNodes(int tasks) throws Exception {
        Thread dispatcher = startDispatcher();
        try (Connection listening = db.dataSource().getConnection();
                Connection announcing = db.dataSource().getConnection()) {
            Thread listener = new Thread(
                    () -> {
                        try {
                            PostgresWakeUpChannel.listen(listening, wake::release, () -> running, 100, 15_000);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    "probe-listener");
            listener.start();
            // the listener must be listening before the first announcement
            Thread.sleep(200);
            try {
                return measure(tasks, () -> {
                    try {
                        PostgresWakeUpChannel.announce(announcing);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            } finally {
                running = false;
                listener.join(5_000);
            }
        } finally {
            stop(dispatcher);
        }
    }

    private long[] measure(int tasks, Runnable afterCommit) throws Exception {
        long[] micros = new long[tasks];
        for (int i = 0; i < tasks; i++) {
            Instant now = Instant.now();
            NewTask task = new NewTask(ids.next(), "bench.noop", "default", 5, "{}", 3, now, now, null, null);
            long before = System.nanoTime();
            db.inTransaction(em -> {
                db.store(em, "submitter").insert(task);
                return null;
            });
            afterCommit.run();
            // blocks rather than spins: a spinning measurer would take a core from the two being measured
            Started started = startedTasks.poll(10, TimeUnit.SECONDS);
            if (started == null || !started.id().equals(task.id().value())) {
                throw new IllegalStateException("task " + task.id() + " did not start within 10 s");
            }
            micros[i] = (started.nanos() - before) / 1_000;
            // idle between tasks: the dispatcher is back waiting when the next one arrives
            Thread.sleep(5);
        }
        Arrays.sort(micros);
        return micros;
    }

    private Thread startDispatcher() {
        running = true;
        Thread dispatcher = new Thread(
                () -> {
                    while (running) {
                        try {
                            if (!wake.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                                continue;
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                        wake.drainPermits();
                        for (LeasedTask task : db.inTransaction(em ->
                                db.store(em, "worker").claimDue(8, Instant.now(), LEASE, List.of("bench.noop")))) {
                            startedTasks.add(new Started(task.id().value(), System.nanoTime()));
                            db.inTransaction(em -> db.store(em, "worker").markSucceeded(task, null, 0, Instant.now()));
                        }
                    }
                },
                "probe-dispatcher");
        dispatcher.start();
        return dispatcher;
    }

    private void stop(Thread dispatcher) throws InterruptedException {
        running = false;
        dispatcher.join(5_000);
    }
}
