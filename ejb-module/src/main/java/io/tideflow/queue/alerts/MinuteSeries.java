package io.tideflow.queue.alerts;

import io.tideflow.queue.history.GaugeJson;
import io.tideflow.queue.history.HistogramJson;
import io.tideflow.queue.history.HistoryMetric;
import io.tideflow.queue.history.SampledFigure;
import io.tideflow.queue.history.Summaries;
import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Minute rows of every node as series per group and minute, and the robust statistics the detector takes of them. */
final class MinuteSeries {

    private MinuteSeries() {}

    /** The {@code run} histograms merged per group and minute. */
    static Map<String, Map<Long, LatencyHistogram>> histograms(List<MetricRow> rows) {
        Map<String, Map<Long, LatencyHistogram>> byGroup = new TreeMap<>();
        for (MetricRow row : rows) {
            if (row.metadata() != null && HistoryMetric.RUN.equals(row.metricType())) {
                byGroup.computeIfAbsent(row.group(), g -> new TreeMap<>())
                        .computeIfAbsent(row.ts(), m -> new LatencyHistogram())
                        .add(HistogramJson.read(row.metadata()));
            }
        }
        return byGroup;
    }

    /** Counts added per group and minute. */
    static Map<String, Map<Long, Double>> sums(List<MetricRow> rows) {
        Map<String, Map<Long, Double>> byGroup = new TreeMap<>();
        for (MetricRow row : rows) {
            byGroup.computeIfAbsent(row.group(), g -> new TreeMap<>()).merge(row.ts(), row.value(), Double::sum);
        }
        return byGroup;
    }

    /** The mean of every node's samples per group and minute (each node samples the same cluster-wide figure). */
    static Map<String, Map<Long, Double>> means(List<MetricRow> rows) {
        Map<String, Map<Long, GaugeJson.Samples>> byGroup = new TreeMap<>();
        for (MetricRow row : rows) {
            if (SampledFigure.GROUP_PENDING.equals(row.metricType())) {
                byGroup.computeIfAbsent(row.group(), g -> new TreeMap<>())
                        .merge(row.ts(), Summaries.samplesOf(row), GaugeJson.Samples::and);
            }
        }
        Map<String, Map<Long, Double>> means = new TreeMap<>();
        byGroup.forEach((group, minutes) -> {
            Map<Long, Double> its = new TreeMap<>();
            minutes.forEach((minute, samples) -> its.put(minute, samples.mean()));
            means.put(group, its);
        });
        return means;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static List<Double> deviations(List<Double> values, double median) {
        return values.stream().map(value -> Math.abs(value - median)).toList();
    }
}
