package io.tideflow.queue.history;

import io.tideflow.queue.api.admin.ChunkFigures;
import io.tideflow.queue.api.admin.GroupMetrics;
import io.tideflow.queue.api.admin.LatencySummary;
import io.tideflow.queue.api.admin.MetricPoint;
import io.tideflow.queue.api.admin.NodeFigures;
import io.tideflow.queue.api.admin.SampledSummary;
import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds metric rows up into a group's figures, and into points of a series. */
public final class Summaries {

    private Summaries() {}

    /** Each group's figures from its rows; the range's length gives the throughput. */
    public static List<GroupMetrics> byGroup(List<MetricRow> rows, Duration range) {
        Map<String, List<MetricRow>> byGroup = new TreeMap<>();
        for (MetricRow row : rows) {
            if (!SampledFigure.NODE.equals(row.group())) {
                byGroup.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row);
            }
        }
        List<GroupMetrics> groups = new ArrayList<>();
        byGroup.forEach((group, its) -> groups.add(of(group, its, range)));
        return groups;
    }

    static GroupMetrics of(String group, List<MetricRow> rows, Duration range) {
        Map<String, Double> counts = new TreeMap<>();
        LatencyHistogram wait = new LatencyHistogram();
        LatencyHistogram run = new LatencyHistogram();
        LatencyHistogram chunk = new LatencyHistogram();
        Map<String, GaugeJson.Samples> sampled = new TreeMap<>();
        for (MetricRow row : rows) {
            if (HistoryMetric.isPerType(row.metricType())) {
                continue;
            }
            if (SampledFigure.isSampled(row.metricType())) {
                sampled.merge(row.metricType(), samplesOf(row), GaugeJson.Samples::and);
                continue;
            }
            counts.merge(row.metricType(), row.value(), Double::sum);
            if (row.metadata() != null) {
                LatencyHistogram histogram = switch (row.metricType()) {
                    case HistoryMetric.WAIT -> wait;
                    case HistoryMetric.CHUNKS -> chunk;
                    default -> run;
                };
                histogram.add(HistogramJson.read(row.metadata()));
            }
        }
        long completed = count(counts, HistoryMetric.COMPLETED);
        long failed = count(counts, HistoryMetric.FAILED);
        double seconds = Math.max(1, range.toMillis()) / 1000.0;
        return new GroupMetrics(
                group,
                count(counts, HistoryMetric.ENQUEUED),
                count(counts, HistoryMetric.STARTED),
                completed,
                failed,
                count(counts, HistoryMetric.RETRIED),
                count(counts, HistoryMetric.DEAD_LETTERED),
                count(counts, HistoryMetric.CANCELLED),
                count(counts, HistoryMetric.RESCUED),
                completed / seconds,
                completed + failed == 0 ? 0 : (double) failed / (completed + failed),
                latency(wait),
                latency(run),
                chunksOf(counts, chunk, seconds),
                summaries(sampled));
    }

    /** Each node's sampled resources (the rows of group {@link SampledFigure#NODE}), by node and figure. */
    public static List<NodeFigures> byNode(List<MetricRow> rows) {
        Map<String, Map<String, GaugeJson.Samples>> nodes = new TreeMap<>();
        for (MetricRow row : rows) {
            if (SampledFigure.NODE.equals(row.group()) && SampledFigure.isSampled(row.metricType())) {
                nodes.computeIfAbsent(row.node(), n -> new TreeMap<>())
                        .merge(row.metricType(), samplesOf(row), GaugeJson.Samples::and);
            }
        }
        List<NodeFigures> figures = new ArrayList<>();
        nodes.forEach((node, its) -> figures.add(new NodeFigures(node, summaries(its))));
        return figures;
    }

    private static Map<String, SampledSummary> summaries(Map<String, GaugeJson.Samples> sampled) {
        Map<String, SampledSummary> summaries = new TreeMap<>();
        sampled.forEach((metric, samples) -> summaries.put(
                metric, new SampledSummary(samples.mean(), samples.min(), samples.max(), samples.count())));
        return summaries;
    }

    /** A sampled figure's row as its samples (a row without metadata as one sample of its value). */
    public static GaugeJson.Samples samplesOf(MetricRow row) {
        return row.metadata() == null
                ? GaugeJson.Samples.NONE.with(row.value())
                : GaugeJson.read(row.value(), row.metadata());
    }

    private static ChunkFigures chunksOf(Map<String, Double> counts, LatencyHistogram durations, double seconds) {
        long committed = count(counts, HistoryMetric.CHUNKS);
        long rolledBack = count(counts, HistoryMetric.CHUNKS_ROLLED_BACK);
        if (committed + rolledBack == 0) {
            return null;
        }
        long tasks = count(counts, HistoryMetric.CHUNK_TASKS);
        return new ChunkFigures(
                committed,
                rolledBack,
                tasks,
                committed == 0 ? 0 : (double) tasks / committed,
                tasks / seconds,
                (double) committed / (committed + rolledBack),
                latency(durations));
    }

    /**
     * One point per row start, adding the rows (every node's) that share it; for a sampled figure the mean of every
     * node's samples.
     */
    public static List<MetricPoint> series(List<MetricRow> rows) {
        if (!rows.isEmpty() && SampledFigure.isSampled(rows.get(0).metricType())) {
            Map<Long, GaugeJson.Samples> samples = new TreeMap<>();
            rows.forEach(row -> samples.merge(row.ts(), samplesOf(row), GaugeJson.Samples::and));
            List<MetricPoint> points = new ArrayList<>();
            samples.forEach((ts, its) -> points.add(new MetricPoint(Instant.ofEpochMilli(ts), its.mean(), null)));
            return points;
        }
        Map<Long, Double> values = new TreeMap<>();
        Map<Long, LatencyHistogram> histograms = new TreeMap<>();
        for (MetricRow row : rows) {
            values.merge(row.ts(), row.value(), Double::sum);
            if (row.metadata() != null) {
                histograms
                        .computeIfAbsent(row.ts(), ts -> new LatencyHistogram())
                        .add(HistogramJson.read(row.metadata()));
            }
        }
        List<MetricPoint> points = new ArrayList<>();
        values.forEach((ts, value) -> {
            LatencyHistogram histogram = histograms.get(ts);
            points.add(new MetricPoint(Instant.ofEpochMilli(ts), value, histogram == null ? null : latency(histogram)));
        });
        return points;
    }

    static LatencySummary latency(LatencyHistogram histogram) {
        return new LatencySummary(
                histogram.count(),
                histogram.percentileMs(0.5),
                histogram.percentileMs(0.95),
                histogram.percentileMs(0.99),
                histogram.maxMs());
    }

    private static long count(Map<String, Double> counts, String metric) {
        return Math.round(counts.getOrDefault(metric, 0.0));
    }
}
