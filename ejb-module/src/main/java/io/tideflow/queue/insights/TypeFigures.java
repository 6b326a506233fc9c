package io.tideflow.queue.insights;

import io.tideflow.queue.history.HistogramJson;
import io.tideflow.queue.history.HistoryMetric;
import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One task type's figures in one group over some rows of the history, added up. */
final class TypeFigures {

    final LatencyHistogram run = new LatencyHistogram();
    final LatencyHistogram wait = new LatencyHistogram();
    long started;
    long retried;
    /** The distinct days (row starts floored to a day) whose rows had runs: how much baseline there is. */
    final Set<Long> daysWithRuns = new HashSet<>();

    /** Adds the per-type rows up by group and type. */
    static Map<Key, TypeFigures> of(List<MetricRow> rows) {
        Map<Key, TypeFigures> figures = new LinkedHashMap<>();
        for (MetricRow row : rows) {
            if (row.type() == null || !HistoryMetric.isPerType(row.metricType())) {
                continue;
            }
            TypeFigures its = figures.computeIfAbsent(new Key(row.group(), row.type()), k -> new TypeFigures());
            String metric = row.metricType().substring(HistoryMetric.PER_TYPE.length());
            switch (metric) {
                case HistoryMetric.RUN -> {
                    its.run.add(HistogramJson.read(row.metadata()));
                    its.daysWithRuns.add(Math.floorDiv(row.ts(), 86_400_000L));
                }
                case HistoryMetric.WAIT -> its.wait.add(HistogramJson.read(row.metadata()));
                case HistoryMetric.STARTED -> its.started += Math.round(row.value());
                case HistoryMetric.RETRIED -> its.retried += Math.round(row.value());
                default -> {
                    // completed and failed counts: not used by the analysis
                }
            }
        }
        return figures;
    }

    LatencyHistogram durations(String figure) {
        return HistoryMetric.WAIT.equals(figure) ? wait : run;
    }

    /** A task type in a group. */
    record Key(String group, String type) {}
}
