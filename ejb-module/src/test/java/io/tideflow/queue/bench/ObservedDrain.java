package io.tideflow.queue.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskStarted;
import io.tideflow.queue.dispatch.DispatchLoop;
import io.tideflow.queue.events.EventPump;
import io.tideflow.queue.events.LifecycleListener;
import io.tideflow.queue.execution.CompletionQueue;
import io.tideflow.queue.history.HistoryBuffer;
import io.tideflow.queue.insights.PerformanceAnalyzer;
import io.tideflow.queue.metrics.GroupTagBudget;
import io.tideflow.queue.metrics.MicrometerBackend;
import io.tideflow.queue.metrics.TaskMetrics;
import io.tideflow.queue.sampling.JvmFigures;
import io.tideflow.queue.store.CompletionWriter;
import io.tideflow.queue.store.TestDatabase;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.MetricRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The batched drain with the engine's observability on, wired as the server wires it: a TaskStarted per attempt and a
 * TaskCompleted per completion written, counted inline by the metrics (Micrometer) and the history buffer (whose
 * changed minutes a flusher writes to the database every second; the node's resources sampled every 100 ms and
 * the performance analyzer run every second, far more often than in a server), then queued through the {@link EventPump} for the
 * queued listeners (in the server, the forwarding to CDI observers; here one that does nothing).
 */
final class ObservedDrain {

    private static final long SAMPLE_EVERY_MS = Long.getLong("tideflow.bench.sample-every-ms", 100);
    private static final long ANALYZE_EVERY_MS = Long.getLong("tideflow.bench.analyze-every-ms", 1_000);

    private final TestDatabase db;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HistoryBuffer history = new HistoryBuffer();
    private final EventPump pump;
    private final AtomicLong historyRows = new AtomicLong();
    private final JvmFigures jvm = new JvmFigures(new java.io.File("target"));
    private final AtomicLong analyses = new AtomicLong();
    private final AtomicLong analysisNanos = new AtomicLong();
    private final AtomicLong insightsFound = new AtomicLong();
    private CompletionQueue completions;

    ObservedDrain(TestDatabase db) {
        this.db = db;
        TaskMetrics metrics = new TaskMetrics(
                new MicrometerBackend(registry), Clock.systemUTC(), new GroupTagBudget(200, java.util.List.of()));
        this.pump = new EventPump(
                100_000,
                List.of(LifecycleListener.inline(metrics::on), LifecycleListener.inline(history::on), event -> {}));
    }

    DispatchLoop.Runner runner() {
        return task -> {
            Instant now = Instant.now();
            pump.offer(new TaskStarted(
                    task.id(),
                    task.type(),
                    task.group(),
                    task.attempt(),
                    "bench",
                    Duration.between(task.dueAt(), now),
                    now));
            completions.submit(new CompletionWriter.Completion(task, null, 0, now), () -> {});
        };
    }

    /** Runs {@code drain} with the pump, the completion queue and the history flusher running. */
    void drain(StoreDrain drain) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
        pump.start(Executors.defaultThreadFactory());
        try {
            completions = new CompletionQueue(writer, batch -> {
                List<CompletionWriter.Completion> refused =
                        db.inTransaction(em -> new CompletionWriter(em, "bench", db.dialect()).writeAll(batch));
                Set<CompletionWriter.Completion> lost = new HashSet<>(refused);
                for (CompletionWriter.Completion done : batch) {
                    if (!lost.contains(done)) {
                        pump.offer(new TaskCompleted(
                                done.task().id(),
                                done.task().type(),
                                done.task().group(),
                                done.task().attempt(),
                                Duration.ofMillis(done.executionMs()),
                                done.at()));
                    }
                }
                return refused;
            });
            flusher.scheduleAtFixedRate(() -> write(history.takeChanged("bench")), 1, 1, TimeUnit.SECONDS);
            // by default the node's resources sampled 50 times as often as in a server, the analyzer run 300 times
            if (SAMPLE_EVERY_MS > 0) {
                flusher.scheduleAtFixedRate(
                        () -> history.sampled(System.currentTimeMillis(), jvm.read()),
                        0,
                        SAMPLE_EVERY_MS,
                        TimeUnit.MILLISECONDS);
            }
            if (ANALYZE_EVERY_MS > 0) {
                flusher.scheduleAtFixedRate(this::analyze, ANALYZE_EVERY_MS, ANALYZE_EVERY_MS, TimeUnit.MILLISECONDS);
            }
            drain.run();
            if (!completions.awaitWritten(Duration.ofMinutes(1))) {
                throw new IllegalStateException("completions were not written within a minute");
            }
            if (!pump.awaitDelivered(Duration.ofMinutes(1))) {
                throw new IllegalStateException("events were not delivered within a minute");
            }
        } finally {
            flusher.shutdown();
            flusher.awaitTermination(1, TimeUnit.MINUTES);
            write(history.takeChanged("bench"));
            pump.stop(Duration.ofSeconds(5));
            writer.shutdown();
        }
    }

    void printFigures(String database) {
        System.out.printf(
                "BENCHMARK %-10s | observability: %d events delivered, %d dropped, %.0f completions counted,"
                        + " %d history rows written, %d analyses (%.1f ms each, %d insights)%n",
                database,
                pump.delivered(),
                pump.dropped(),
                registry.get("tideflow.tasks.completed").counter().count(),
                historyRows.get(),
                analyses.get(),
                analyses.get() == 0 ? 0 : analysisNanos.get() / 1e6 / analyses.get(),
                insightsFound.get());
    }

    /** As the analyzer reads the history and computes its insights, timed. */
    private void analyze() {
        long started = System.nanoTime();
        Instant now = Instant.now();
        PerformanceAnalyzer.Input input = db.inTransaction(em -> {
            MetricHistoryStore store = new MetricHistoryStore(em, db.dialect());
            long to = now.toEpochMilli();
            long from = to - Duration.ofMinutes(15).toMillis();
            long hour = MetricRow.Resolution.HOUR.floor(from);
            return new PerformanceAnalyzer.Input(
                    Duration.ofMinutes(15),
                    store.typesBetween(MetricRow.Resolution.MINUTE, from, to),
                    store.typesBetween(MetricRow.Resolution.HOUR, hour - 86_400_000L, hour - 82_800_000L),
                    store.typesBetween(MetricRow.Resolution.HOUR, hour - 86_400_000L, hour),
                    store.between(MetricRow.Resolution.MINUTE, from, to, null));
        });
        analyses.incrementAndGet();
        insightsFound.addAndGet(PerformanceAnalyzer.analyze(input).size());
        analysisNanos.addAndGet(System.nanoTime() - started);
    }

    /** As the engine's history writes: each changed minute in place of what this start wrote of it before. */
    private void write(Map<Long, List<MetricRow>> minutes) {
        if (!minutes.isEmpty()) {
            db.inTransaction(em -> {
                MetricHistoryStore store = new MetricHistoryStore(em, db.dialect());
                minutes.forEach((minute, rows) -> {
                    store.deleteWritten(minute, "bench", history.writer());
                    store.insertAll(rows);
                    historyRows.addAndGet(rows.size());
                });
                return null;
            });
        }
    }

    @FunctionalInterface
    interface StoreDrain {
        void run() throws Exception;
    }
}
