package io.tideflow.queue.history;

import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds rows up into rows of a coarser resolution: counts add, histograms merge, samples pool. */
public final class Rollup {

    /** The node name of rows that sum every node's. */
    public static final String ALL_NODES = "*";

    private Rollup() {}

    /** Counts of every node add up into one row (node {@code *}); sampled figures stay per node, by their mean. */
    public static List<MetricRow> into(Resolution resolution, List<MetricRow> rows) {
        Map<List<Object>, Sum> sums = new LinkedHashMap<>();
        Map<List<Object>, GaugeJson.Samples> sampled = new LinkedHashMap<>();
        for (MetricRow row : rows) {
            long ts = resolution.floor(row.ts());
            if (SampledFigure.isSampled(row.metricType())) {
                sampled.merge(
                        List.of(ts, row.group(), row.metricType(), row.node()),
                        Summaries.samplesOf(row),
                        GaugeJson.Samples::and);
                continue;
            }
            sums.computeIfAbsent(Arrays.asList(ts, row.group(), row.type(), row.metricType()), k -> new Sum(ts, row))
                    .add(row);
        }
        List<MetricRow> rolled = new ArrayList<>(sums.size() + sampled.size());
        sampled.forEach((key, samples) -> rolled.add(new MetricRow(
                (Long) key.get(0),
                resolution,
                (String) key.get(1),
                (String) key.get(2),
                (String) key.get(3),
                samples.mean(),
                GaugeJson.write(samples))));
        for (Sum sum : sums.values()) {
            rolled.add(new MetricRow(
                    sum.ts,
                    resolution,
                    sum.group,
                    sum.metric,
                    ALL_NODES,
                    sum.value,
                    sum.histogram == null ? null : HistogramJson.write(sum.histogram),
                    null,
                    sum.type));
        }
        return rolled;
    }

    private static final class Sum {
        final long ts;
        final String group;
        final String metric;
        final String type;
        double value;
        LatencyHistogram histogram;

        Sum(long ts, MetricRow first) {
            this.ts = ts;
            this.group = first.group();
            this.metric = first.metricType();
            this.type = first.type();
        }

        void add(MetricRow row) {
            value += row.value();
            if (row.metadata() != null) {
                LatencyHistogram more = HistogramJson.read(row.metadata());
                if (histogram == null) {
                    histogram = more;
                } else {
                    histogram.add(more);
                }
            }
        }
    }
}
