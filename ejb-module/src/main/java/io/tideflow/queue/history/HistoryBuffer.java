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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * This node's figures per minute and group, counted from committed events (and sampled, {@link SampledFigure}) in
 * memory: one row per minute, group and figure, never one per task. A minute is written at every flush while it
 * changes, each time replacing what this node start wrote of it before, so a killed node loses what changed since its
 * last flush, not the minute; a minute is forgotten once it was written after its end and the late events' allowance.
 */
public final class HistoryBuffer {

    private final String writer;
    private final Map<Key, Figure> figures = new HashMap<>();
    private final Set<Long> changed = new LinkedHashSet<>();
    /** Minutes before this one were written for good; an event that reaches the buffer later counts in this one. */
    private long sealedBefore = Long.MIN_VALUE;

    public HistoryBuffer() {
        this(UUID.randomUUID().toString());
    }

    HistoryBuffer(String writer) {
        this.writer = writer;
    }

    /** The node start whose rows this buffer writes (the {@code writer} column). */
    public String writer() {
        return writer;
    }

    public synchronized void on(LifecycleEvent event) {
        long minute = minuteOf(event.at().toEpochMilli());
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

    /** Adds one sampling's values to the minute of {@code atMillis}. */
    public synchronized void sampled(long atMillis, List<FigureSample> samples) {
        long minute = minuteOf(atMillis);
        for (FigureSample sample : samples) {
            if (Double.isFinite(sample.value())) {
                Figure figure = figure(minute, sample.group(), sample.metric(), Kind.SAMPLED);
                figure.samples = figure.samples.with(sample.value());
            }
        }
    }

    private long minuteOf(long epochMillis) {
        long minute = Math.max(Resolution.MINUTE.floor(epochMillis), sealedBefore);
        changed.add(minute);
        return minute;
    }

    private void onChunk(long minute, ChunkFinished chunk) {
        if (chunk.committed()) {
            Figure chunks = figure(minute, chunk.group(), HistoryMetric.CHUNKS, Kind.TIMED);
            chunks.count++;
            chunks.histogram.record(Math.max(0, chunk.duration().toNanos()) / 1_000_000.0);
            figure(minute, chunk.group(), HistoryMetric.CHUNK_TASKS, Kind.COUNTED).count += chunk.size();
        } else {
            figure(minute, chunk.group(), HistoryMetric.CHUNKS_ROLLED_BACK, Kind.COUNTED).count++;
        }
    }

    private Figure figure(long minute, String group, String metric, Kind kind) {
        return figure(minute, group, null, metric, kind);
    }

    private Figure figure(long minute, String group, String type, String metric, Kind kind) {
        return figures.computeIfAbsent(new Key(minute, group, type, metric), k -> new Figure(kind));
    }

    /**
     * The whole of every minute that changed since the last call, by minute: what the next write puts in place of
     * what this node start wrote of those minutes before. The minutes count as unchanged from now on; give them back
     * with {@link #changedAgain} when the write fails.
     */
    public synchronized Map<Long, List<MetricRow>> takeChanged(String node) {
        Map<Long, List<MetricRow>> rows = new TreeMap<>();
        for (Long minute : changed) {
            rows.put(minute, new ArrayList<>());
        }
        figures.forEach((key, figure) -> {
            List<MetricRow> minute = rows.get(key.minute());
            if (minute != null) {
                minute.add(rowOf(key, figure, node));
            }
        });
        changed.clear();
        return rows;
    }

    /** Marks minutes whose write failed as changed, so that the next write tries them again. */
    public synchronized void changedAgain(Set<Long> minutes) {
        changed.addAll(minutes);
    }

    /**
     * Forgets the minutes before {@code minute} that are written as they are; from now on an event of such a minute
     * counts in {@code minute}. Beyond {@code mostFigures} figures held (writes failing for long), the oldest minutes
     * are forgotten unwritten.
     *
     * @return how many figures were forgotten unwritten
     */
    public synchronized int seal(long minute, int mostFigures) {
        long before = minute;
        for (Long unwritten : changed) {
            before = Math.min(before, unwritten);
        }
        int dropped = 0;
        if (figures.size() > mostFigures) {
            TreeMap<Long, Integer> perMinute = new TreeMap<>();
            figures.keySet().forEach(key -> perMinute.merge(key.minute(), 1, Integer::sum));
            int left = figures.size();
            for (Map.Entry<Long, Integer> entry : perMinute.entrySet()) {
                if (left <= mostFigures || entry.getKey() >= minute) {
                    break;
                }
                left -= entry.getValue();
                before = Math.max(before, entry.getKey() + Resolution.MINUTE.millis());
                dropped += entry.getValue();
                changed.remove(entry.getKey());
            }
        }
        long sealUntil = before;
        figures.keySet().removeIf(key -> key.minute() < sealUntil);
        sealedBefore = Math.max(sealedBefore, sealUntil);
        return dropped;
    }

    /** Every row held, and the minutes they cover: reports read these instead of what this node start wrote. */
    public synchronized Held peek(String node) {
        List<MetricRow> rows = new ArrayList<>();
        Set<Long> minutes = new HashSet<>();
        figures.forEach((key, figure) -> {
            rows.add(rowOf(key, figure, node));
            minutes.add(key.minute());
        });
        return new Held(writer, minutes, rows);
    }

    private MetricRow rowOf(Key key, Figure figure, String node) {
        double value = figure.kind == Kind.SAMPLED ? figure.samples.mean() : figure.count;
        String metadata = switch (figure.kind) {
            case COUNTED -> null;
            case TIMED -> HistogramJson.write(figure.histogram);
            case SAMPLED -> GaugeJson.write(figure.samples);
        };
        return new MetricRow(
                key.minute(), Resolution.MINUTE, key.group(), key.metric(), node, value, metadata, writer, key.type());
    }

    private void count(long minute, TaskLifecycleEvent task, String metric) {
        figure(minute, task.group(), metric, Kind.COUNTED).count++;
        if (HistoryMetric.KEPT_PER_TYPE.contains(metric)) {
            figure(minute, task.group(), task.type(), HistoryMetric.PER_TYPE + metric, Kind.COUNTED).count++;
        }
    }

    private void time(long minute, TaskLifecycleEvent task, String metric, Duration duration) {
        double ms = Math.max(0, duration.toNanos()) / 1_000_000.0;
        Figure figure = figure(minute, task.group(), metric, Kind.TIMED);
        figure.count++;
        figure.histogram.record(ms);
        Figure ofType = figure(minute, task.group(), task.type(), HistoryMetric.PER_TYPE + metric, Kind.TIMED);
        ofType.count++;
        ofType.histogram.record(ms);
    }

    /**
     * Rows held in memory by one node start.
     *
     * @param minutes the minutes the rows cover: whatever that start wrote of them in the database is superseded
     */
    public record Held(String writer, Set<Long> minutes, List<MetricRow> rows) {}

    /** @param type the task type of a per-type figure, else null */
    private record Key(long minute, String group, String type, String metric) {}

    private enum Kind {
        COUNTED,
        TIMED,
        SAMPLED
    }

    private static final class Figure {
        final Kind kind;
        long count;
        final LatencyHistogram histogram;
        GaugeJson.Samples samples = GaugeJson.Samples.NONE;

        Figure(Kind kind) {
            this.kind = kind;
            this.histogram = kind == Kind.TIMED ? new LatencyHistogram() : null;
        }
    }
}
