package io.tideflow.queue.alerts;

import io.tideflow.queue.api.admin.AlertKind;
import io.tideflow.queue.config.AlertRule;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The design's anomaly detector, beyond the throughput-drop rule: finds in the metric history's minute rows a latency
 * spike or an error-rate spike against a robust baseline (the median of the hour before's minutes and their median
 * absolute deviation), a backlog that grew through the last whole minutes, and a node whose figures stopped; how
 * sensitive it is comes from {@link Sensitivity}.
 * Pure, so synthetic histories drive it in tests; every finding needs enough samples, so a quiet system raises
 * nothing. What it finds is raised and cleared as alerts by {@link AlertMonitor}, like the rules' findings.
 */
public final class AnomalyDetector {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final Duration SPAN = Duration.ofMinutes(60);
    /** How many robust deviations above the median a spike must also be. */
    static final double DEVIATIONS = 5;

    static final long MIN_DURATIONS = 20;
    static final long MIN_FINISHED = 20;
    static final int MIN_BASELINE_MINUTES = 10;
    static final long MIN_PER_MINUTE = 5;
    static final double MIN_LATENCY_RISE_MS = 10;
    static final double MIN_ERROR_RISE = 0.1;
    static final double MIN_BACKLOG_GROWTH = 10;

    static final AlertRule SILENT =
            new AlertRule("anomaly.node-silent", AlertKind.NODE_SILENT, null, 180, Duration.ofMinutes(3), 0);

    private static final double MAD_TO_SIGMA = 1.4826;

    private AnomalyDetector() {}

    /**
     * How sensitive the detector is ({@code tideflow.anomalies.*}).
     *
     * @param factor         how many times its baseline's median a latency or error rate must be to be a spike
     * @param backlogMinutes through how many whole minutes a backlog must have grown
     * @param silentAfter    how long after its last minute a registered node that writes no figures is missed
     */
    public record Sensitivity(double factor, int backlogMinutes, Duration silentAfter) {

        public static Sensitivity of(ObservabilitySettings settings) {
            return new Sensitivity(
                    settings.anomaliesFactor(), settings.anomaliesBacklogMinutes(), settings.anomaliesSilentAfter());
        }

        AlertRule latencyRule() {
            return new AlertRule("anomaly.latency-spike", AlertKind.LATENCY_SPIKE, null, factor, WINDOW, 20);
        }

        AlertRule errorRule() {
            return new AlertRule("anomaly.error-spike", AlertKind.ERROR_SPIKE, null, factor, WINDOW, 20);
        }

        AlertRule backlogRule() {
            return new AlertRule(
                    "anomaly.backlog-growth",
                    AlertKind.BACKLOG_GROWTH,
                    null,
                    backlogMinutes,
                    Duration.ofMinutes(backlogMinutes),
                    0);
        }
    }

    /**
     * The minute rows the detector reads, every node's, from {@link #SPAN} and {@link #WINDOW} before now.
     *
     * @param runs       the groups' {@code run} rows (histograms)
     * @param completed  the groups' {@code completed} rows
     * @param failed     the groups' {@code failed} rows
     * @param pending    the groups' sampled {@code group.pending} rows
     * @param heartbeats each node's sampled {@code node.workers} rows: a node that writes them is alive
     * @param registered the nodes registered now (a node that left cleanly is not, and is not missed)
     */
    public record Input(
            Instant now,
            List<MetricRow> runs,
            List<MetricRow> completed,
            List<MetricRow> failed,
            List<MetricRow> pending,
            List<MetricRow> heartbeats,
            Set<String> registered,
            Sensitivity sensitivity) {}

    public static List<AlertEvaluator.Firing> detect(Input in) {
        long now = in.now().toEpochMilli();
        long windowFrom = Resolution.MINUTE.floor(now - WINDOW.toMillis());
        List<AlertEvaluator.Firing> firing = new ArrayList<>();
        Map<String, Map<Long, LatencyHistogram>> runs = MinuteSeries.histograms(in.runs());
        Map<String, Map<Long, Double>> completed = MinuteSeries.sums(in.completed());
        Map<String, Map<Long, Double>> failed = MinuteSeries.sums(in.failed());
        Sensitivity sensitivity = in.sensitivity();
        runs.forEach((group, minutes) ->
                latencySpike(group, minutes, windowFrom, sensitivity).ifPresent(firing::add));
        Set<String> finishing = new java.util.TreeSet<>(completed.keySet());
        finishing.addAll(failed.keySet());
        for (String group : finishing) {
            errorSpike(
                            group,
                            completed.getOrDefault(group, Map.of()),
                            failed.getOrDefault(group, Map.of()),
                            windowFrom,
                            sensitivity)
                    .ifPresent(firing::add);
        }
        MinuteSeries.means(in.pending())
                .forEach((group, minutes) -> BacklogGrowth.find(
                                group, minutes, completed.getOrDefault(group, Map.of()), now, sensitivity)
                        .ifPresent(firing::add));
        silentNodes(in, now, firing);
        return firing;
    }

    private static java.util.Optional<AlertEvaluator.Firing> latencySpike(
            String group, Map<Long, LatencyHistogram> minutes, long windowFrom, Sensitivity sensitivity) {
        LatencyHistogram recent = new LatencyHistogram();
        List<Double> baseline = new ArrayList<>();
        minutes.forEach((minute, histogram) -> {
            if (minute >= windowFrom) {
                recent.add(histogram);
            } else if (histogram.count() >= MIN_PER_MINUTE) {
                baseline.add(histogram.percentileMs(0.95));
            }
        });
        if (recent.count() < MIN_DURATIONS || baseline.size() < MIN_BASELINE_MINUTES) {
            return java.util.Optional.empty();
        }
        double p95 = recent.percentileMs(0.95);
        double median = MinuteSeries.median(baseline);
        if (!isSpike(p95, baseline, median, MIN_LATENCY_RISE_MS, sensitivity.factor())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new AlertEvaluator.Firing(
                sensitivity.latencyRule(),
                group,
                p95,
                String.format(
                        Locale.ROOT,
                        "p95 execution of group %s is %.0f ms over the last %d min, %.1f times its median of %.0f ms"
                                + " over the hour before",
                        group,
                        p95,
                        WINDOW.toMinutes(),
                        median <= 0 ? Double.POSITIVE_INFINITY : p95 / median,
                        median)));
    }

    private static java.util.Optional<AlertEvaluator.Firing> errorSpike(
            String group,
            Map<Long, Double> completed,
            Map<Long, Double> failed,
            long windowFrom,
            Sensitivity sensitivity) {
        Set<Long> minutes = new java.util.TreeSet<>(completed.keySet());
        minutes.addAll(failed.keySet());
        double recentFailed = 0;
        double recentFinished = 0;
        List<Double> baseline = new ArrayList<>();
        for (long minute : minutes) {
            double f = failed.getOrDefault(minute, 0.0);
            double finished = f + completed.getOrDefault(minute, 0.0);
            if (minute >= windowFrom) {
                recentFailed += f;
                recentFinished += finished;
            } else if (finished >= MIN_PER_MINUTE) {
                baseline.add(f / finished);
            }
        }
        if (recentFinished < MIN_FINISHED || baseline.size() < MIN_BASELINE_MINUTES) {
            return java.util.Optional.empty();
        }
        double rate = recentFailed / recentFinished;
        double median = MinuteSeries.median(baseline);
        if (!isSpike(rate, baseline, median, MIN_ERROR_RISE, sensitivity.factor())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new AlertEvaluator.Firing(
                sensitivity.errorRule(),
                group,
                rate,
                String.format(
                        Locale.ROOT,
                        "error rate of group %s is %.1f %% over the last %d min (%.0f of %.0f attempts), against a"
                                + " median of %.1f %% over the hour before",
                        group,
                        rate * 100,
                        WINDOW.toMinutes(),
                        recentFailed,
                        recentFinished,
                        median * 100)));
    }

    private static void silentNodes(Input in, long now, List<AlertEvaluator.Firing> firing) {
        Map<String, Long> lastSeen = new TreeMap<>();
        for (MetricRow row : in.heartbeats()) {
            lastSeen.merge(row.node(), row.ts(), Math::max);
        }
        lastSeen.forEach((node, minute) -> {
            long silentMs = now - (minute + Resolution.MINUTE.millis());
            if (in.registered().contains(node)
                    && silentMs > in.sensitivity().silentAfter().toMillis()) {
                String named = node.length() > 100 ? node.substring(0, 100) : node;
                firing.add(new AlertEvaluator.Firing(
                        SILENT,
                        named,
                        silentMs / 1000.0,
                        String.format(
                                Locale.ROOT,
                                "node %s has written no figures for %s: it is stopped, hung or cut off from the"
                                        + " database, and has not left the cluster",
                                node,
                                duration(silentMs / 1000.0))));
            }
        });
    }

    /**
     * Above {@code factor} times the baseline's median, above it by {@link #DEVIATIONS} robust deviations (the median
     * absolute deviation scaled to a standard deviation) and by at least {@code floor}.
     */
    private static boolean isSpike(double value, List<Double> baseline, double median, double floor, double factor) {
        double spread = MAD_TO_SIGMA * MinuteSeries.median(MinuteSeries.deviations(baseline, median));
        return value > factor * median && value > median + DEVIATIONS * spread && value - median >= floor;
    }

    static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 7_200) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
