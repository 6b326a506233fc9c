package io.tideflow.queue.bench;

import io.tideflow.queue.core.NewTask;
import io.tideflow.queue.core.TaskIdGenerator;
import io.tideflow.queue.store.DerbyTestDatabase;
import io.tideflow.queue.store.PostgresTestDatabase;
import io.tideflow.queue.store.SimulatedDispatcher;
import io.tideflow.queue.store.TestDatabase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Measures the task store itself, on Derby embedded and on PostgreSQL, with the engine's own store operations and
 * transactions (EclipseLink, resource-local, no application server): enqueue one task per transaction from one and
 * from eight submitters, bulk enqueue (1,000 per transaction), and the drain of no-op tasks by one dispatcher with
 * eight workers (a claim transaction per batch, a completion transaction per task, as the engine does).
 * Run with {@code mvn -pl ejb-module -Pbenchmark verify}; it prints one line per figure.
 */
public final class StoreBenchmark {

    private static final int SINGLE = 2_000;
    private static final int CONCURRENT = 8_000;
    private static final int BULK = 20_000;
    private static final int DRAIN = 10_000;
    private static final int WORKERS = 8;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run("derby", DerbyTestDatabase::new);
        run("postgresql", PostgresTestDatabase::new);
    }

    private static void run(String name, Supplier<TestDatabase> databases) throws Exception {
        try (TestDatabase db = databases.get()) {
            TaskIdGenerator ids = new TaskIdGenerator(Clock.systemUTC());
            report(name, "enqueue, 1 submitter, 1 task per transaction", SINGLE,
                    time(() -> enqueue(db, ids, SINGLE, 1)));
            report(name, "enqueue, 8 submitters, 1 task per transaction", CONCURRENT,
                    time(() -> enqueue(db, ids, CONCURRENT, 8)));
            report(name, "bulk enqueue, 1,000 tasks per transaction", BULK, time(() -> bulk(db, ids, BULK)));
        }
        try (TestDatabase db = databases.get()) {
            bulk(db, new TaskIdGenerator(Clock.systemUTC()), DRAIN);
            report(name, "drain no-op tasks, 1 dispatcher x 8 workers", DRAIN, time(() -> drain(db)));
        }
    }

    private static void enqueue(TestDatabase db, TaskIdGenerator ids, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger left = new AtomicInteger(count);
        List<Future<?>> submitters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            submitters.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    NewTask task = task(ids);
                    db.inTransaction(em -> {
                        db.store(em, "bench").insert(task);
                        return null;
                    });
                }
            }));
        }
        for (Future<?> submitter : submitters) {
            submitter.get();
        }
        pool.shutdown();
    }

    private static void bulk(TestDatabase db, TaskIdGenerator ids, int count) {
        for (int from = 0; from < count; from += 1_000) {
            int size = Math.min(1_000, count - from);
            db.inTransaction(em -> {
                var store = db.store(em, "bench");
                for (int i = 0; i < size; i++) {
                    store.insert(task(ids));
                }
                return null;
            });
        }
    }

    private static void drain(TestDatabase db) {
        new SimulatedDispatcher(db, "bench", WORKERS, Instant.now()).drain(
                "SELECT COUNT(*) FROM tasks WHERE state IN ('PENDING', 'RUNNING')",
                (task, worker) -> db.inTransaction(em -> db.store(em, "bench").markSucceeded(task, null, 0, Instant.now())));
    }

    private static NewTask task(TaskIdGenerator ids) {
        Instant now = Instant.now();
        return new NewTask(ids.next(), "bench.noop", "default", 5, "{}", 3, now, now, null, null);
    }

    private static long time(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return System.nanoTime() - started;
    }

    private static void report(String database, String what, int tasks, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("BENCHMARK %-10s | %-46s | %6d tasks | %7.2f s | %8.0f tasks/s%n", database, what, tasks,
                seconds, tasks / seconds);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
