package io.tideflow.queue.bench;

import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.dispatch.DispatchLoop;
import io.tideflow.queue.enqueue.TaskIdGenerator;
import io.tideflow.queue.execution.CompletionQueue;
import io.tideflow.queue.store.CompletionWriter;
import io.tideflow.queue.store.DerbyTestDatabase;
import io.tideflow.queue.store.NewTask;
import io.tideflow.queue.store.PostgresTestDatabase;
import io.tideflow.queue.store.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Measures the task store itself, on Derby embedded and on PostgreSQL, with the engine's own store operations and
 * transactions (EclipseLink, resource-local, no application server): enqueue one task per transaction from one and
 * from eight submitters, bulk enqueue (1,000 per transaction), the drain of no-op tasks by the engine's
 * {@link DispatchLoop} with its defaults (8 workers, up to 64 claimed ahead; a claim transaction per batch; then either a completion transaction per task, as for transactional
 * handlers, or the engine's {@link CompletionQueue}, as for non-transactional ones), and the idle enqueue-to-start
 * latency on one node and, on PostgreSQL, across nodes through LISTEN/NOTIFY; and the batched drain without and
 * with observability (events, metrics, history: {@link ObservedDrain}), alternated twice.
 * Run with {@code mvn -pl ejb-module -Pbenchmark verify -DskipTests}; it prints one line per figure.
 */
public final class StoreBenchmark {

    private static final int SINGLE = 2_000;
    private static final int CONCURRENT = 8_000;
    private static final int BULK = 20_000;
    private static final int DRAIN = 10_000;
    private static final int LATENCY = 500;

    private StoreBenchmark() {}

    /**
     * {@code -Dtideflow.bench.databases=postgresql} runs one database only (for a profile, say);
     * {@code -Dtideflow.bench.observability-rounds=5} alternates the drains without and with observability 5 times.
     */
    public static void main(String[] args) throws Exception {
        List<String> databases = List.of(System.getProperty("tideflow.bench.databases", "derby,postgresql")
                .split(","));
        if (databases.contains("derby")) {
            run("derby", DerbyTestDatabase::new);
        }
        if (databases.contains("postgresql")) {
            run("postgresql", PostgresTestDatabase::new);
        }
    }

    private static void run(String name, Supplier<TestDatabase> databases) throws Exception {
        try (TestDatabase db = databases.get()) {
            TaskIdGenerator ids = new TaskIdGenerator(Clock.systemUTC());
            report(
                    name,
                    "enqueue, 1 submitter, 1 task per transaction",
                    SINGLE,
                    time(() -> enqueue(db, ids, SINGLE, 1)));
            report(
                    name,
                    "enqueue, 8 submitters, 1 task per transaction",
                    CONCURRENT,
                    time(() -> enqueue(db, ids, CONCURRENT, 8)));
            report(name, "bulk enqueue, 1,000 tasks per transaction", BULK, time(() -> bulk(db, ids, BULK)));
        }
        try (TestDatabase db = databases.get()) {
            bulk(db, new TaskIdGenerator(Clock.systemUTC()), DRAIN);
            report(name, "drain, 8 workers, a commit per completion", DRAIN, time(() -> drain(db)));
        }
        try (TestDatabase db = databases.get()) {
            bulk(db, new TaskIdGenerator(Clock.systemUTC()), DRAIN);
            report(name, "drain, 8 workers, batched completions", DRAIN, time(() -> drainBatched(db)));
        }
        // observability's cost: the same batched drain without and with events, metrics and history, alternated
        int rounds = Integer.getInteger("tideflow.bench.observability-rounds", 2);
        for (int round = 1; round <= rounds; round++) {
            try (TestDatabase db = databases.get()) {
                bulk(db, new TaskIdGenerator(Clock.systemUTC()), DRAIN);
                report(
                        name,
                        "drain, batched, observability off (round " + round + ")",
                        DRAIN,
                        time(() -> drainBatched(db)));
            }
            try (TestDatabase db = databases.get()) {
                bulk(db, new TaskIdGenerator(Clock.systemUTC()), DRAIN);
                ObservedDrain observed = new ObservedDrain(db);
                report(
                        name,
                        "drain, batched, observability on (round " + round + ")",
                        DRAIN,
                        time(() -> observed.drain(() -> drainWithEngineLoop(db, observed.runner()))));
                observed.printFigures(name);
            }
        }
        try (TestDatabase db = databases.get()) {
            latency(name, "idle enqueue-to-start, same node", new IdleLatencyProbe(db).sameNode(LATENCY));
            if (name.equals("postgresql")) {
                latency(name, "idle enqueue-to-start, across nodes", new IdleLatencyProbe(db).acrossNodes(LATENCY));
            }
        }
    }

    static void enqueue(TestDatabase db, TaskIdGenerator ids, int count, int threads) throws Exception {
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

    /** The bulk enqueue's store path: {@code TaskStore.insertAll}, 1,000 tasks per transaction. */
    static void bulk(TestDatabase db, TaskIdGenerator ids, int count) {
        for (int from = 0; from < count; from += 1_000) {
            List<NewTask> tasks = new ArrayList<>();
            for (int i = 0; i < Math.min(1_000, count - from); i++) {
                tasks.add(task(ids));
            }
            db.inTransaction(em -> {
                db.store(em, "bench").insertAll(tasks);
                return null;
            });
        }
    }

    /** One transaction per completion, as for transactional handlers. */
    private static void drain(TestDatabase db) throws InterruptedException {
        drainWithEngineLoop(
                db, task -> db.inTransaction(em -> db.store(em, "bench").markSucceeded(task, null, 0, Instant.now())));
    }

    /** Completions handed to the engine's completion queue, as for non-transactional handlers. */
    static void drainBatched(TestDatabase db) throws InterruptedException {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            CompletionQueue completions = new CompletionQueue(
                    writer,
                    batch -> db.inTransaction(em -> new CompletionWriter(em, "bench", db.dialect()).writeAll(batch)));
            drainWithEngineLoop(
                    db,
                    task -> completions.submit(
                            new CompletionWriter.Completion(task, null, 0, Instant.now()), () -> {}));
            if (!completions.awaitWritten(Duration.ofMinutes(1))) {
                throw new IllegalStateException("completions were not written within a minute");
            }
        } finally {
            writer.shutdown();
        }
    }

    /** The engine's own dispatch loop, with the default workers and claim-ahead, until no work is left. */
    static void drainWithEngineLoop(TestDatabase db, DispatchLoop.Runner runner) throws InterruptedException {
        EngineSettings settings = EngineSettings.defaults();
        ExecutorService threads = Executors.newCachedThreadPool();
        // one connection for the whole drain's end check, as the peer's check takes one from its pool: a connection
        // opened per check costs a PostgreSQL backend, or a Derby login, a hundred times a second
        try (Connection check = db.dataSource().getConnection();
                PreparedStatement unfinished =
                        check.prepareStatement("SELECT COUNT(*) FROM tasks WHERE state IN ('PENDING', 'RUNNING')")) {
            DispatchLoop loop = new DispatchLoop(
                    threads,
                    settings.workers(),
                    settings.claimAhead(),
                    settings.leaseDuration(),
                    Clock.systemUTC(),
                    limit -> db.inTransaction(em -> db.store(em, "bench")
                            .claimDue(limit, Instant.now(), settings.leaseDuration(), List.of("bench.noop"))),
                    runner,
                    task -> db.inTransaction(em -> db.store(em, "bench").release(task, Instant.now(), "benchmark")));
            loop.wake();
            while (countOf(unfinished) > 0) {
                Thread.sleep(10);
                // the engine's poll, in case a wake-up raced the last claim
                loop.wake();
            }
            loop.stop();
            loop.awaitIdle(Duration.ofMinutes(1));
        } catch (SQLException e) {
            throw new IllegalStateException("the drain's end check failed", e);
        } finally {
            threads.shutdown();
            // a dispatch pass still running would claim from a database the caller is about to close
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static long countOf(PreparedStatement count) throws SQLException {
        try (ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void latency(String database, String what, long[] sortedMicros) {
        System.out.printf(
                "BENCHMARK %-10s | %-46s | %6d tasks | p50 %6.2f ms | p95 %6.2f ms | p99 %6.2f ms%n",
                database,
                what,
                sortedMicros.length,
                percentile(sortedMicros, 50),
                percentile(sortedMicros, 95),
                percentile(sortedMicros, 99));
    }

    private static double percentile(long[] sortedMicros, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1_000.0;
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
        System.out.printf(
                "BENCHMARK %-10s | %-46s | %6d tasks | %7.2f s | %8.0f tasks/s%n",
                database, what, tasks, seconds, tasks / seconds);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
