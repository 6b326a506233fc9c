package io.tideflow.queue.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.event.BreakerStateChanged;
import io.tideflow.queue.api.event.ChunkFinished;
import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskDeadLettered;
import io.tideflow.queue.api.event.TaskEnqueued;
import io.tideflow.queue.api.event.TaskFailed;
import io.tideflow.queue.api.event.TaskLeaseLost;
import io.tideflow.queue.api.event.TaskStarted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:30Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TaskMetrics metrics = new TaskMetrics(
            new MicrometerBackend(registry),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new GroupTagBudget(100, java.util.List.of()));

    @Test
    void tenThousandGroupsAddAtMostTheBudgetsSeriesAndTheRestShareOne() {
        SimpleMeterRegistry bounded = new SimpleMeterRegistry();
        TaskMetrics budgeted = new TaskMetrics(
                new MicrometerBackend(bounded),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new GroupTagBudget(50, java.util.List.of("configured")));
        for (int i = 0; i < 10_000; i++) {
            budgeted.on(new TaskEnqueued(TaskId.of(UUID.randomUUID().toString()), "t", "tenant-" + i, 5, NOW));
        }
        budgeted.on(new TaskEnqueued(TaskId.of(UUID.randomUUID().toString()), "t", "configured", 5, NOW));

        java.util.Set<String> groups = new java.util.TreeSet<>();
        bounded.find("tideflow.tasks.enqueued")
                .counters()
                .forEach(counter -> groups.add(counter.getId().getTag("group")));
        assertThat(groups).hasSize(51).contains("configured", "tenant-0", GroupTagBudget.OTHER);
        assertThat(bounded.find("tideflow.tasks.enqueued")
                        .tag("group", GroupTagBudget.OTHER)
                        .counter()
                        .count())
                .isEqualTo(10_000 - 49);
    }

    @Test
    void chunksBecomeCountersByOutcomeTheirDurationsAndTheTasksTheyCompleted() {
        metrics.on(new ChunkFinished("idx", "search", 100, true, Duration.ofMillis(40), NOW));
        metrics.on(new ChunkFinished("idx", "search", 50, true, Duration.ofMillis(60), NOW));
        metrics.on(new ChunkFinished("idx", "search", 100, false, Duration.ofMillis(5), NOW));

        assertThat(registry.find("tideflow.chunks")
                        .tag("outcome", "committed")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.find("tideflow.chunks")
                        .tag("outcome", "rolled_back")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.find("tideflow.chunk.tasks")
                        .tags("group", "search", "type", "idx")
                        .functionCounter()
                        .count())
                .isEqualTo(150);
        assertThat(registry.find("tideflow.chunk.duration")
                        .tag("outcome", "committed")
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(100);
    }

    @Test
    void eventsBecomeCountersTimersAndRecentPercentilesTaggedByGroupAndType() {
        for (int i = 0; i < 3; i++) {
            TaskId id = TaskId.of(UUID.randomUUID().toString());
            metrics.on(new TaskEnqueued(id, "mail.send", "relay", 5, NOW));
            metrics.on(new TaskStarted(id, "mail.send", "relay", 1, "n1", Duration.ofMillis(40), NOW));
            metrics.on(new TaskCompleted(id, "mail.send", "relay", 1, Duration.ofMillis(100 * (i + 1)), NOW));
        }
        TaskId failing = TaskId.of(UUID.randomUUID().toString());
        metrics.on(
                new TaskFailed(failing, "mail.send", "relay", 1, ErrorClass.SYSTEM, "NPE", Duration.ofMillis(5), NOW));
        metrics.on(new TaskDeadLettered(failing, "mail.send", "relay", 1, NOW));
        metrics.on(new TaskLeaseLost(failing, "mail.send", "relay", 1, NOW));
        metrics.on(new BreakerStateChanged("relay", BreakerState.CLOSED, BreakerState.OPEN, NOW));

        assertThat(registry.get("tideflow.tasks.enqueued")
                        .tags("group", "relay", "type", "mail.send")
                        .counter()
                        .count())
                .isEqualTo(3);
        assertThat(registry.get("tideflow.tasks.completed").counter().count()).isEqualTo(3);
        assertThat(registry.get("tideflow.tasks.failed")
                        .tags("error_class", "SYSTEM")
                        .counter()
                        .count())
                .isOne();
        assertThat(registry.get("tideflow.errors.unexpected").counter().count()).isOne();
        assertThat(registry.get("tideflow.tasks.dead.lettered").counter().count())
                .isOne();
        assertThat(registry.get("tideflow.lease.stale.refusals").counter().count())
                .isOne();
        assertThat(registry.get("tideflow.breaker.transitions")
                        .tags("to", "OPEN")
                        .counter()
                        .count())
                .isOne();
        assertThat(registry.get("tideflow.task.execution")
                        .tags("outcome", "completed")
                        .timer()
                        .count())
                .isEqualTo(3);
        assertThat(registry.get("tideflow.task.execution")
                        .tags("outcome", "completed")
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(600);
        assertThat(registry.get("tideflow.task.queue.wait").timer().count()).isEqualTo(3);
        // run times 5, 100, 200, 300 ms: p99 falls in the (250, 300] end of the bucket (250, 500]
        assertThat(registry.get("tideflow.task.execution.recent.seconds")
                        .tags("percentile", "p99")
                        .gauge()
                        .value())
                .isBetween(0.25, 0.3);
        assertThat(registry.get("tideflow.task.queue.wait.recent.seconds")
                        .tags("percentile", "p50")
                        .gauge()
                        .value())
                .isBetween(0.025, 0.05);
    }
}
