package io.tideflow.queue.bench;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.enqueue.TaskIdGenerator;
import io.tideflow.queue.store.DerbyTestDatabase;
import io.tideflow.queue.store.PostgresTestDatabase;
import io.tideflow.queue.store.TestDatabase;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tideflow against db-scheduler 16.7.1 on the same database in the same run, alternating which goes first each round,
 * with the machine's commit ceiling measured beside them: enqueue from one submitter (and Tideflow's from eight, and
 * its bulk path), the drain of 10,000 due tasks by 8 workers (Tideflow with a commit per completion and a handler that
 * writes one row of its own in it, its exactly-once path; and with batched completions, its at-least-once path), and
 * the idle enqueue-to-start latency on one node. Prints each figure and its ratio to the peer.
 * Run with {@code mvn -pl ejb-module -Ppeer-benchmark verify -DskipTests}
 * ({@code -Dtideflow.bench.databases=postgresql}, {@code -Dtideflow.bench.rounds=3}).
 */
public final class PeerBenchmark {

    private static final int ENQUEUE = 3_000;
    private static final int CONCURRENT = 8_000;
    private static final int BULK = 20_000;
    private static final int DRAIN = 10_000;
    private static final int LATENCY = 300;

    private PeerBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> databases = List.of(System.getProperty("tideflow.bench.databases", "postgresql,derby")
                .split(","));
        int rounds = Integer.getInteger("tideflow.bench.rounds", 2);
        // for a profiler (-Dtideflow.bench.exactly-once-only=true): Tideflow's exactly-once drain alone, once a round
        boolean exactlyOnceOnly = Boolean.getBoolean("tideflow.bench.exactly-once-only");
        for (int round = 1; round <= rounds; round++) {
            if (exactlyOnceOnly) {
                for (String database : databases) {
                    Round alone = new Round(
                            database,
                            database.equals("derby") ? DerbyTestDatabase::new : PostgresTestDatabase::new,
                            round);
                    alone.record(
                            "tideflow drain, commit per task + handler row", alone.onFresh(Round::drainExactlyOnce));
                }
                continue;
            }
            if (databases.contains("postgresql")) {
                new PeerBenchmark.Round("postgresql", PostgresTestDatabase::new, round).run();
            }
            if (databases.contains("derby")) {
                new PeerBenchmark.Round("derby", DerbyTestDatabase::new, round).run();
            }
        }
    }

    /** One round on one database: every figure of both, then the ratios. */
    private static final class Round {

        private final String database;
        private final Supplier<TestDatabase> databases;
        private final int round;
        private final boolean peerFirst;
        private final Map<String, Double> figures = new LinkedHashMap<>();

        Round(String database, Supplier<TestDatabase> databases, int round) {
            this.database = database;
            this.databases = databases;
            this.round = round;
            this.peerFirst = round % 2 == 1;
        }

        void run() throws Exception {
            try (TestDatabase db = databases.get();
                    DbSchedulerPeer peer = new DbSchedulerPeer(db.dataSource(), postgres())) {
                CommitCeiling ceiling = new CommitCeiling(db.dataSource());
                ceiling.prepare(8);
                record("commit ceiling, 1 connection", ceiling.commitsPerSecond(1));
                record("commit ceiling, 8 connections", ceiling.commitsPerSecond(8));
                inOrder(
                        () -> record("db-scheduler enqueue, 1 submitter", peer.enqueuePerSecond(ENQUEUE)),
                        () -> record("tideflow enqueue, 1 submitter", enqueue(db, ENQUEUE, 1)));
                record("tideflow enqueue, 8 submitters", enqueue(db, CONCURRENT, 8));
                record("tideflow bulk enqueue, 1,000 per transaction", bulk(db));
                inOrder(
                        () -> {
                            record("db-scheduler drain, no-op", peer.drainPerSecond(DRAIN, false));
                            record("db-scheduler drain, handler writes a row", peer.drainPerSecond(DRAIN, true));
                        },
                        () -> {
                            record("tideflow drain, commit per task + handler row", onFresh(Round::drainExactlyOnce));
                            record("tideflow drain, batched completions", onFresh(StoreBenchmark::drainBatched));
                        });
                long[][] latencies = new long[2][];
                inOrder(() -> latencies[0] = peer.idleLatencyMicros(LATENCY), () -> latencies[1] = onFreshLatency());
                latency("db-scheduler", latencies[0]);
                latency("tideflow", latencies[1]);
            }
            ratios();
        }

        private boolean postgres() {
            return database.equals("postgresql");
        }

        private void inOrder(Step peerStep, Step tideflowStep) throws Exception {
            if (peerFirst) {
                peerStep.run();
                tideflowStep.run();
            } else {
                tideflowStep.run();
                peerStep.run();
            }
        }

        private double onFresh(Drain drain) throws Exception {
            try (TestDatabase db = databases.get()) {
                StoreBenchmark.bulk(db, new TaskIdGenerator(Clock.systemUTC()), DRAIN);
                long begin = System.nanoTime();
                drain.run(db);
                return DRAIN / ((System.nanoTime() - begin) / 1e9);
            }
        }

        private long[] onFreshLatency() throws Exception {
            try (TestDatabase db = databases.get()) {
                return new IdleLatencyProbe(db).sameNode(LATENCY);
            }
        }

        /** A transaction per task: the handler's row and the completion commit together. */
        private static void drainExactlyOnce(TestDatabase db) throws Exception {
            db.execute("CREATE TABLE bench_effects (id CHAR(36) NOT NULL PRIMARY KEY, written_at BIGINT NOT NULL)");
            StoreBenchmark.drainWithEngineLoop(
                    db,
                    task -> db.inTransaction(em -> {
                        writeSideEffect(em, task);
                        return db.store(em, "bench").markSucceeded(task, null, 0, Instant.now());
                    }));
        }

        private static void writeSideEffect(EntityManager em, LeasedTask task) {
            try (PreparedStatement insert = em.unwrap(Connection.class)
                    .prepareStatement("INSERT INTO bench_effects (id, written_at) VALUES (?, ?)")) {
                insert.setString(1, task.id().value());
                insert.setLong(2, System.currentTimeMillis());
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static double enqueue(TestDatabase db, int count, int threads) throws Exception {
            long begin = System.nanoTime();
            StoreBenchmark.enqueue(db, new TaskIdGenerator(Clock.systemUTC()), count, threads);
            return count / ((System.nanoTime() - begin) / 1e9);
        }

        private static double bulk(TestDatabase db) {
            long begin = System.nanoTime();
            StoreBenchmark.bulk(db, new TaskIdGenerator(Clock.systemUTC()), BULK);
            return BULK / ((System.nanoTime() - begin) / 1e9);
        }

        private void record(String what, double perSecond) {
            figures.put(what, perSecond);
            System.out.printf("PEER %-10s round %d | %-46s | %9.0f /s%n", database, round, what, perSecond);
        }

        private void latency(String who, long[] sortedMicros) {
            double p50 = percentile(sortedMicros, 50);
            double p99 = percentile(sortedMicros, 99);
            figures.put(who + " latency p50 ms", p50);
            figures.put(who + " latency p99 ms", p99);
            System.out.printf(
                    "PEER %-10s round %d | %-46s | p50 %6.2f ms | p95 %6.2f ms | p99 %6.2f ms%n",
                    database, round, who + " idle enqueue-to-start, same node", p50, percentile(sortedMicros, 95), p99);
        }

        private void ratios() {
            double peerDrain = figures.get("db-scheduler drain, no-op");
            double peerEnqueue = figures.get("db-scheduler enqueue, 1 submitter");
            double ceiling1 = figures.get("commit ceiling, 1 connection");
            double ceiling8 = figures.get("commit ceiling, 8 connections");
            ratio("exactly-once drain / peer drain", "tideflow drain, commit per task + handler row", peerDrain, 1.0);
            ratio("at-least-once drain / peer drain", "tideflow drain, batched completions", peerDrain, 2.0);
            ratio("enqueue, 1 submitter / peer's", "tideflow enqueue, 1 submitter", peerEnqueue, 1.0);
            ratio("enqueue, 8 submitters / peer's 1", "tideflow enqueue, 8 submitters", peerEnqueue, 2.5);
            ratio(
                    "exactly-once drain / 8-connection ceiling",
                    "tideflow drain, commit per task + handler row",
                    ceiling8,
                    0);
            ratio("peer drain / 8-connection ceiling", "db-scheduler drain, no-op", ceiling8, 0);
            ratio("enqueue, 1 submitter / 1-connection ceiling", "tideflow enqueue, 1 submitter", ceiling1, 0);
            System.out.printf(
                    "RATIO %-10s round %d | %-46s | %6.2f  (target >= 1.00)%n",
                    database,
                    round,
                    "latency p50: peer / tideflow",
                    figures.get("db-scheduler latency p50 ms") / figures.get("tideflow latency p50 ms"));
        }

        private void ratio(String what, String figure, double reference, double target) {
            double value = figures.get(figure) / reference;
            System.out.printf(
                    "RATIO %-10s round %d | %-46s | %6.2f%s%n",
                    database, round, what, value, target > 0 ? String.format("  (target >= %.2f)", target) : "");
        }

        private static double percentile(long[] sortedMicros, int p) {
            int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
            return sortedMicros[Math.max(0, index)] / 1_000.0;
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface Drain {
        void run(TestDatabase db) throws Exception;
    }
}
