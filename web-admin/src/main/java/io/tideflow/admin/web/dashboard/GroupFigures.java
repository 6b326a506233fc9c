package io.tideflow.admin.web.dashboard;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.ChunkFigures;
import io.tideflow.queue.api.admin.GroupMetrics;
import io.tideflow.queue.api.admin.GroupView;
import io.tideflow.queue.api.admin.LatencySummary;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One row of the dashboard: a group's waiting and running tasks now, what finished over the window (the metric
 * history's counts: a row per minute and group, however many tasks there are), its limits and breaker, and the chunks
 * its batchable types ran in over the window ({@code null} when none ran).
 */
public record GroupFigures(
        String group,
        Map<TaskState, Long> depth,
        Duration oldestDueAge,
        long completed,
        long failed,
        long deadLettered,
        long cancelled,
        double throughputPerSecond,
        double errorRate,
        LatencySummary queueWait,
        LatencySummary execution,
        BreakerState breaker,
        boolean paused,
        boolean limited,
        ChunkFigures chunks) {

    static final LatencySummary NOTHING_MEASURED = new LatencySummary(0, 0, 0, 0, 0);

    static GroupFigures of(String group, GroupView view, Duration oldestDue, GroupMetrics metrics) {
        Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
        if (view != null) {
            counts.putAll(view.depth());
        }
        return new GroupFigures(
                group,
                counts,
                counts.getOrDefault(TaskState.PENDING, 0L) == 0 ? null : oldestDue,
                metrics == null ? 0 : metrics.completed(),
                metrics == null ? 0 : metrics.failed(),
                metrics == null ? 0 : metrics.deadLettered(),
                metrics == null ? 0 : metrics.cancelled(),
                metrics == null ? 0 : metrics.throughputPerSecond(),
                metrics == null ? 0 : metrics.errorRate(),
                metrics == null ? NOTHING_MEASURED : metrics.queueWait(),
                metrics == null ? NOTHING_MEASURED : metrics.execution(),
                view == null || view.breaker() == null ? null : view.breaker().state(),
                view != null && view.paused(),
                view != null && isLimited(view),
                metrics == null ? null : metrics.chunks());
    }

    private static boolean isLimited(GroupView view) {
        return view.maxConcurrent() != null || view.maxConcurrentCluster() != null || view.ratePermits() != null;
    }

    public long count(String state) {
        return depth.getOrDefault(TaskState.valueOf(state), 0L);
    }
}
