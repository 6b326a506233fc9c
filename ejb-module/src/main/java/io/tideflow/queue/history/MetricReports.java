package io.tideflow.queue.history;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.FilterValues;
import io.tideflow.queue.api.admin.MetricPoint;
import io.tideflow.queue.api.admin.MetricQueries;
import io.tideflow.queue.api.admin.MetricsSummary;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.reports.ReportSlots;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link MetricQueries} over the metric history: minute rows while they are kept, hour rows for older ranges (whole
 * hours), and this node's minutes as it holds them now (other nodes' as they wrote them last, at most
 * {@code tideflow.history.flush-interval} ago).
 */
@Stateless
public class MetricReports implements MetricQueries {

    private static final Set<String> COUNTED = Set.of(
            HistoryMetric.ENQUEUED,
            HistoryMetric.STARTED,
            HistoryMetric.COMPLETED,
            HistoryMetric.FAILED,
            HistoryMetric.RETRIED,
            HistoryMetric.DEAD_LETTERED,
            HistoryMetric.CANCELLED,
            HistoryMetric.DEFERRED,
            HistoryMetric.RESCUED,
            HistoryMetric.LEASE_LOST,
            HistoryMetric.ARCHIVED,
            HistoryMetric.WAIT,
            HistoryMetric.RUN,
            HistoryMetric.CHUNKS,
            HistoryMetric.CHUNK_TASKS,
            HistoryMetric.CHUNKS_ROLLED_BACK);
    private static final Set<String> METRICS = union(COUNTED, SampledFigure.ALL);
    private static final Duration LONGEST_RANGE = Duration.ofDays(3660);

    @Inject
    MetricHistoryStore store;

    @Inject
    HistoryListener listener;

    @Inject
    EngineSettings engine;

    @Inject
    ObservabilitySettings settings;

    @Inject
    Clock clock;

    @Inject
    ReportSlots reportSlots;

    @Override
    public MetricsSummary summary(Instant from, Instant to, String group) {
        FilterValues.text("group", group, 100);
        requireRange(from, to);
        List<MetricRow> rows = rowsBetween(from.toEpochMilli(), to.toEpochMilli(), group);
        return new MetricsSummary(
                from, to, Summaries.byGroup(rows, Duration.between(from, to)), Summaries.byNode(rows));
    }

    @Override
    public List<MetricPoint> series(String metric, String group, Instant from, Instant to, boolean hourly) {
        if (metric == null || !METRICS.contains(metric)) {
            throw new InvalidTaskRequestException(
                    "metric", "must be one of " + new TreeSet<>(METRICS) + ", got " + metric);
        }
        FilterValues.text("group", group, 100);
        requireRange(from, to);
        List<MetricRow> rows = new ArrayList<>();
        for (MetricRow row : rowsBetween(from.toEpochMilli(), to.toEpochMilli(), blankToNull(group))) {
            if (row.metricType().equals(metric)) {
                rows.add(row);
            }
        }
        return Summaries.series(hourly ? Rollup.into(Resolution.HOUR, rows) : Rollup.into(Resolution.MINUTE, rows));
    }

    /**
     * Minute rows wherever they are still kept (exact ranges), hour rows only before that: from the hour of
     * {@code from} to where the minutes begin, which is never later than the hours rolled up so far.
     */
    private List<MetricRow> rowsBetween(long from, long to, String group) {
        return reportSlots.run(() -> rowsBetweenNow(from, to, group));
    }

    private List<MetricRow> rowsBetweenNow(long from, long to, String group) {
        long rolled = store.rolledUntil(Resolution.HOUR);
        long minutesKeptFrom = clock.millis() - settings.minuteRetention().toMillis();
        long cut = Math.min(rolled, Resolution.HOUR.floor(minutesKeptFrom) + Resolution.HOUR.millis());
        List<MetricRow> rows = new ArrayList<>();
        if (from < cut) {
            rows.addAll(store.between(Resolution.HOUR, Resolution.HOUR.floor(from), Math.min(to, cut), group));
        }
        long minutesFrom = Math.max(from, cut);
        if (minutesFrom < to) {
            HistoryBuffer.Held held = listener.buffer().peek(engine.nodeId());
            for (MetricRow row : store.between(Resolution.MINUTE, minutesFrom, to, group)) {
                // what this node start holds of a minute supersedes what it wrote of it
                if (!held.writer().equals(row.writer()) || !held.minutes().contains(row.ts())) {
                    rows.add(row);
                }
            }
            for (MetricRow row : held.rows()) {
                if (row.type() == null
                        && row.ts() >= minutesFrom
                        && row.ts() < to
                        && (group == null || group.equals(row.group()))) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Set<String> union(Set<String> some, Set<String> more) {
        Set<String> all = new java.util.HashSet<>(some);
        all.addAll(more);
        return Set.copyOf(all);
    }

    private static String blankToNull(String group) {
        return group == null || group.isBlank() ? null : group;
    }

    private static void requireRange(Instant from, Instant to) {
        if (from == null) {
            throw new InvalidTaskRequestException("from", "is required");
        }
        if (to == null) {
            throw new InvalidTaskRequestException("to", "is required");
        }
        FilterValues.instant("from", from);
        FilterValues.instant("to", to);
        if (!from.isBefore(to)) {
            throw new InvalidTaskRequestException("to", "must be after from (" + from + "), got " + to);
        }
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw new InvalidTaskRequestException("from", "a range may span at most 10 years");
        }
    }
}
