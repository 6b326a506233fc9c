package io.tideflow.queue.history;

import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds rows up into rows of a coarser resolution: counts add, histograms merge. */
public final class Rollup {

    /** The node name of rows that sum every node's. */
    public static final String ALL_NODES = "*";

    private Rollup() {}

    public static List<MetricRow> into(Resolution resolution, List<MetricRow> rows) {
        Map<List<Object>, Sum> sums = new LinkedHashMap<>();
        for (MetricRow row : rows) {
            long ts = resolution.floor(row.ts());
            sums.computeIfAbsent(List.of(ts, row.group(), row.metricType()), k -> new Sum(ts, row))
                    .add(row);
        }
        List<MetricRow> rolled = new ArrayList<>(sums.size());
        for (Sum sum : sums.values()) {
            rolled.add(new MetricRow(
                    sum.ts,
                    resolution,
                    sum.group,
                    sum.metric,
                    ALL_NODES,
                    sum.value,
                    sum.histogram == null ? null : HistogramJson.write(sum.histogram)));
        }
        return rolled;
    }

    private static final class Sum {
        final long ts;
        final String group;
        final String metric;
        double value;
        LatencyHistogram histogram;

        Sum(long ts, MetricRow first) {
            this.ts = ts;
            this.group = first.group();
            this.metric = first.metricType();
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
