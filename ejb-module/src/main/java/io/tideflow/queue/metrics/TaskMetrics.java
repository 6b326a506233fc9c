package io.tideflow.queue.metrics;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.event.BreakerStateChanged;
import io.tideflow.queue.api.event.ChunkFinished;
import io.tideflow.queue.api.event.GroupPaused;
import io.tideflow.queue.api.event.GroupResumed;
import io.tideflow.queue.api.event.LifecycleEvent;
import io.tideflow.queue.api.event.TaskArchived;
import io.tideflow.queue.api.event.TaskCancelled;
import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskDeadLettered;
import io.tideflow.queue.api.event.TaskDeferred;
import io.tideflow.queue.api.event.TaskEnqueued;
import io.tideflow.queue.api.event.TaskFailed;
import io.tideflow.queue.api.event.TaskLeaseLost;
import io.tideflow.queue.api.event.TaskLeaseRescued;
import io.tideflow.queue.api.event.TaskLifecycleEvent;
import io.tideflow.queue.api.event.TaskRetryScheduled;
import io.tideflow.queue.api.event.TaskStarted;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns committed lifecycle events into the engine's counters and timers. Every meter is listed, with its Prometheus
 * name, in docs/operations.md.
 */
public final class TaskMetrics {

    /** How far back the published percentiles look. */
    static final Duration PERCENTILE_WINDOW = Duration.ofMinutes(5);

    private static final double[] QUANTILES = {0.5, 0.95, 0.99};
    private static final String[] PERCENTILE_LABELS = {"p50", "p95", "p99"};

    private final MeterBackend meters;
    private final Clock clock;
    private final GroupTagBudget groups;
    private final Map<MeterTags, RecentLatencies> recentWaits = new ConcurrentHashMap<>();
    private final Map<MeterTags, RecentLatencies> recentRuns = new ConcurrentHashMap<>();
    private final Map<MeterTags, LongAdder> chunkTasks = new ConcurrentHashMap<>();

    public TaskMetrics(MeterBackend meters, Clock clock, GroupTagBudget groups) {
        this.meters = meters;
        this.clock = clock;
        this.groups = groups;
    }

    public void on(LifecycleEvent event) {
        if (event instanceof TaskEnqueued e) {
            count("tideflow.tasks.enqueued", "Tasks enqueued", e);
        } else if (event instanceof TaskStarted e) {
            count("tideflow.tasks.started", "Attempts started", e);
            Duration wait = e.queueWait().isNegative() ? Duration.ZERO : e.queueWait();
            meters.record(
                    "tideflow.task.queue.wait",
                    "Time from a task becoming due to its attempt starting",
                    tagsOf(e),
                    wait);
            recent(
                            recentWaits,
                            "tideflow.task.queue.wait.recent",
                            "Time from a task becoming due to its attempt starting, over the last 5 minutes",
                            tagsOf(e))
                    .record(wait, e.at());
        } else if (event instanceof TaskCompleted e) {
            count("tideflow.tasks.completed", "Tasks completed", e);
            meters.record(
                    "tideflow.task.execution",
                    "Time an attempt ran, by how it ended",
                    MeterTags.of("group", groups.tagOf(e.group()), "type", e.type(), "outcome", "completed"),
                    e.execution());
            runTimeOf(e).record(e.execution(), e.at());
        } else if (event instanceof TaskFailed e) {
            meters.increment(
                    "tideflow.tasks.failed",
                    "Attempts failed, by error class",
                    MeterTags.of(
                            "group",
                            groups.tagOf(e.group()),
                            "type",
                            e.type(),
                            "error_class",
                            e.errorClass().name()));
            meters.record(
                    "tideflow.task.execution",
                    "Time an attempt ran, by how it ended",
                    MeterTags.of("group", groups.tagOf(e.group()), "type", e.type(), "outcome", "failed"),
                    e.execution());
            runTimeOf(e).record(e.execution(), e.at());
            if (e.errorClass() == ErrorClass.SYSTEM) {
                count("tideflow.errors.unexpected", "Attempts that failed with an unexpected (SYSTEM) error", e);
            }
        } else if (event instanceof TaskRetryScheduled e) {
            count("tideflow.tasks.retried", "Failed tasks scheduled for a retry", e);
        } else if (event instanceof TaskDeadLettered e) {
            count("tideflow.tasks.dead.lettered", "Tasks moved to the dead letter state", e);
        } else if (event instanceof TaskDeferred e) {
            count("tideflow.tasks.deferred", "Tasks given back without burning an attempt", e);
        } else if (event instanceof TaskCancelled e) {
            count("tideflow.tasks.cancelled", "Tasks cancelled", e);
        } else if (event instanceof TaskArchived e) {
            count("tideflow.tasks.archived", "Finished tasks moved to ARCHIVED", e);
        } else if (event instanceof TaskLeaseRescued e) {
            count("tideflow.lease.rescues", "Tasks taken back after their lease ran out", e);
        } else if (event instanceof TaskLeaseLost e) {
            count(
                    "tideflow.lease.stale.refusals",
                    "Attempt outcomes refused because their lease token was no longer the task's",
                    e);
        } else if (event instanceof BreakerStateChanged e) {
            meters.increment(
                    "tideflow.breaker.transitions",
                    "Circuit breaker state changes, by the state entered",
                    MeterTags.of("group", groups.tagOf(e.group()), "to", e.to().name()));
        } else if (event instanceof GroupPaused e) {
            meters.increment(
                    "tideflow.group.pauses",
                    "Times a group was paused",
                    MeterTags.of("group", groups.tagOf(e.group())));
        } else if (event instanceof ChunkFinished e) {
            onChunk(e);
        } else if (event instanceof GroupResumed e) {
            meters.increment(
                    "tideflow.group.resumes",
                    "Times a group was resumed",
                    MeterTags.of("group", groups.tagOf(e.group())));
        }
    }

    /** The design's batch metrics: chunks by outcome, their durations, and the tasks they completed. */
    private void onChunk(ChunkFinished chunk) {
        String group = groups.tagOf(chunk.group());
        MeterTags tags = MeterTags.of(
                "group", group, "type", chunk.type(), "outcome", chunk.committed() ? "committed" : "rolled_back");
        meters.increment("tideflow.chunks", "Chunks of batchable task types run, by outcome", tags);
        meters.record(
                "tideflow.chunk.duration",
                "Time a chunk took from its handler's call to its last completion or its failure, by outcome",
                tags,
                chunk.duration());
        if (chunk.committed()) {
            chunkTasks
                    .computeIfAbsent(MeterTags.of("group", group, "type", chunk.type()), this::chunkTaskCounter)
                    .add(chunk.size());
        }
    }

    private LongAdder chunkTaskCounter(MeterTags tags) {
        LongAdder total = new LongAdder();
        meters.counterOf("tideflow.chunk.tasks", "Tasks completed in committed chunks", tags, total::sum);
        return total;
    }

    private RecentLatencies runTimeOf(TaskLifecycleEvent event) {
        return recent(
                recentRuns,
                "tideflow.task.execution.recent",
                "Time attempts ran (completed or failed), over the last 5 minutes",
                tagsOf(event));
    }

    /** The recent latencies of one group and type, their percentile gauges registered when first seen. */
    private RecentLatencies recent(
            Map<MeterTags, RecentLatencies> all, String name, String description, MeterTags tags) {
        RecentLatencies known = all.get(tags);
        if (known != null) {
            return known;
        }
        RecentLatencies latencies = all.computeIfAbsent(tags, t -> new RecentLatencies(PERCENTILE_WINDOW));
        for (int i = 0; i < QUANTILES.length; i++) {
            double quantile = QUANTILES[i];
            // not "quantile": Prometheus keeps that label for summaries, and these are gauges
            List<String> withPercentile = new ArrayList<>(tags.keyValues());
            withPercentile.add("percentile");
            withPercentile.add(PERCENTILE_LABELS[i]);
            meters.gauge(
                    name + ".seconds",
                    description,
                    new MeterTags(withPercentile),
                    () -> latencies.percentileSeconds(quantile, clock.instant()));
        }
        return latencies;
    }

    private void count(String name, String description, TaskLifecycleEvent event) {
        meters.increment(name, description, tagsOf(event));
    }

    private MeterTags tagsOf(TaskLifecycleEvent event) {
        return MeterTags.of("group", groups.tagOf(event.group()), "type", event.type());
    }
}
