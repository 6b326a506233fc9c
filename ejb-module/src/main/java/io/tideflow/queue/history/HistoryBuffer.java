package io.tideflow.queue.history;

import io.tideflow.queue.api.event.ChunkFinished;
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
import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * This node's figures per minute and group, counted from committed events in memory until the minute is written: one
 * row per minute, group and figure, never one per task.
 */
public final class HistoryBuffer {

    private final Map<Key, Figure> figures = new HashMap<>();

    public synchronized void on(LifecycleEvent event) {
        long minute = Resolution.MINUTE.floor(event.at().toEpochMilli());
        if (event instanceof ChunkFinished chunk) {
            onChunk(minute, chunk);
        }
        if (!(event instanceof TaskLifecycleEvent task)) {
            return;
        }
        if (task instanceof TaskEnqueued) {
            count(minute, task, HistoryMetric.ENQUEUED);
        } else if (task instanceof TaskStarted started) {
            count(minute, task, HistoryMetric.STARTED);
            time(minute, task, HistoryMetric.WAIT, started.queueWait());
        } else if (task instanceof TaskCompleted completed) {
            count(minute, task, HistoryMetric.COMPLETED);
            time(minute, task, HistoryMetric.RUN, completed.execution());
        } else if (task instanceof TaskFailed failed) {
            count(minute, task, HistoryMetric.FAILED);
            time(minute, task, HistoryMetric.RUN, failed.execution());
        } else if (task instanceof TaskRetryScheduled) {
            count(minute, task, HistoryMetric.RETRIED);
        } else if (task instanceof TaskDeadLettered) {
            count(minute, task, HistoryMetric.DEAD_LETTERED);
        } else if (task instanceof TaskCancelled) {
            count(minute, task, HistoryMetric.CANCELLED);
        } else if (task instanceof TaskDeferred) {
            count(minute, task, HistoryMetric.DEFERRED);
        } else if (task instanceof TaskLeaseRescued) {
            count(minute, task, HistoryMetric.RESCUED);
        } else if (task instanceof TaskLeaseLost) {
            count(minute, task, HistoryMetric.LEASE_LOST);
        } else if (task instanceof TaskArchived) {
            count(minute, task, HistoryMetric.ARCHIVED);
        }
    }

    private void onChunk(long minute, ChunkFinished chunk) {
        if (chunk.committed()) {
            Figure chunks = figure(minute, chunk.group(), HistoryMetric.CHUNKS, true);
            chunks.count++;
            chunks.histogram.record(Math.max(0, chunk.duration().toNanos()) / 1_000_000.0);
            figure(minute, chunk.group(), HistoryMetric.CHUNK_TASKS, false).count += chunk.size();
        } else {
            figure(minute, chunk.group(), HistoryMetric.CHUNKS_ROLLED_BACK, false).count++;
        }
    }

    private Figure figure(long minute, String group, String metric, boolean timed) {
        return figures.computeIfAbsent(new Key(minute, group, metric), k -> new Figure(timed));
    }

    /** Takes out the rows of the minutes that ended at or before {@code cutoff} (epoch ms). */
    public synchronized List<MetricRow> drainMinutesEndedBy(long cutoff, String node) {
        return drain(minute -> minute + Resolution.MINUTE.millis() <= cutoff, node);
    }

    /** The rows not written yet, left in place (so that reports include this node's last minutes). */
    public synchronized List<MetricRow> peek(String node) {
        List<MetricRow> rows = new ArrayList<>();
        figures.forEach((key, figure) -> rows.add(rowOf(key, figure, node)));
        return rows;
    }

    /** Takes out every row, the current minute's too (at shutdown). */
    public synchronized List<MetricRow> drainAll(String node) {
        return drain(minute -> true, node);
    }

    private List<MetricRow> drain(java.util.function.LongPredicate minuteIsDone, String node) {
        List<MetricRow> rows = new ArrayList<>();
        Iterator<Map.Entry<Key, Figure>> entries = figures.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Key, Figure> entry = entries.next();
            Key key = entry.getKey();
            if (!minuteIsDone.test(key.minute())) {
                continue;
            }
            rows.add(rowOf(key, entry.getValue(), node));
            entries.remove();
        }
        return rows;
    }

    private static MetricRow rowOf(Key key, Figure figure, String node) {
        return new MetricRow(
                key.minute(),
                Resolution.MINUTE,
                key.group(),
                key.metric(),
                node,
                figure.count,
                figure.histogram == null ? null : HistogramJson.write(figure.histogram));
    }

    private void count(long minute, TaskLifecycleEvent task, String metric) {
        figures.computeIfAbsent(new Key(minute, task.group(), metric), k -> new Figure(false)).count++;
    }

    private void time(long minute, TaskLifecycleEvent task, String metric, Duration duration) {
        Figure figure = figures.computeIfAbsent(new Key(minute, task.group(), metric), k -> new Figure(true));
        figure.count++;
        figure.histogram.record(Math.max(0, duration.toNanos()) / 1_000_000.0);
    }

    private record Key(long minute, String group, String metric) {}

    private static final class Figure {
        long count;
        final LatencyHistogram histogram;

        Figure(boolean timed) {
            this.histogram = timed ? new LatencyHistogram() : null;
        }
    }
}
