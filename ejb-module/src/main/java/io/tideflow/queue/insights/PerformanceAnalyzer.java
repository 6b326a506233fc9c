package io.tideflow.queue.insights;

import io.tideflow.queue.api.admin.Insight;
import io.tideflow.queue.api.admin.InsightSeverity;
import io.tideflow.queue.history.GaugeJson;
import io.tideflow.queue.history.HistoryMetric;
import io.tideflow.queue.history.SampledFigure;
import io.tideflow.queue.history.Summaries;
import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes insights from the metric history: pure, so that synthetic histories drive it in tests. Each comparison
 * needs enough samples on both sides ({@link #MIN_DURATIONS}, {@link #MIN_SAMPLES}), so a quiet system finds nothing.
 */
public final class PerformanceAnalyzer {

    static final long MIN_DURATIONS = 20;
    static final long MIN_SAMPLES = 10;
    /** Days of the same hour a baseline needs; with fewer, the last day's hours are the baseline. */
    static final int MIN_BASELINE_DAYS = 3;

    static final double SLOWER = 2;
    static final double MUCH_SLOWER = 5;
    /** A slowdown smaller than this is noise whatever its ratio (1 ms to 3 ms). */
    static final double MIN_SLOWDOWN_MS = 10;

    static final int TOP = 3;

    private static final long GIB = 1L << 30;

    private PerformanceAnalyzer() {}

    /**
     * What the analysis reads.
     *
     * @param window       the recent range the figures are taken over
     * @param recentTypes  the per-type minute rows of the window
     * @param sameHour     the per-type hour rows of the same hour of day on the previous days
     * @param lastDay      the per-type hour rows of the last day
     * @param recentSampled the sampled minute rows (nodes and groups) of the window
     */
    public record Input(
            Duration window,
            List<MetricRow> recentTypes,
            List<MetricRow> sameHour,
            List<MetricRow> lastDay,
            List<MetricRow> recentSampled) {}

    public static List<Insight> analyze(Input input) {
        List<Insight> insights = new ArrayList<>();
        Map<TypeFigures.Key, TypeFigures> recent = TypeFigures.of(input.recentTypes());
        Map<TypeFigures.Key, TypeFigures> sameHour = TypeFigures.of(input.sameHour());
        Map<TypeFigures.Key, TypeFigures> lastDay = TypeFigures.of(input.lastDay());
        String window = text(input.window());
        recent.forEach((key, figures) -> {
            boolean sameHourEnough =
                    sameHour.containsKey(key) && sameHour.get(key).daysWithRuns.size() >= MIN_BASELINE_DAYS;
            TypeFigures baseline = sameHourEnough ? sameHour.get(key) : lastDay.get(key);
            String baselineName = sameHourEnough ? "the same hour on the last 7 days" : "the last 24 hours";
            for (String figure : List.of(HistoryMetric.RUN, HistoryMetric.WAIT)) {
                if (baseline != null) {
                    slower(key, figure, figures.durations(figure), baseline.durations(figure), window, baselineName)
                            .ifPresent(insights::add);
                }
            }
        });
        slowest(recent, window, insights);
        mostRetried(recent, window, insights);
        Map<String, Map<String, GaugeJson.Samples>> groups = new TreeMap<>();
        Map<String, Map<String, GaugeJson.Samples>> nodes = new TreeMap<>();
        for (MetricRow row : input.recentSampled()) {
            if (!SampledFigure.isSampled(row.metricType())) {
                continue;
            }
            Map<String, Map<String, GaugeJson.Samples>> into = SampledFigure.NODE.equals(row.group()) ? nodes : groups;
            String owner = SampledFigure.NODE.equals(row.group()) ? row.node() : row.group();
            into.computeIfAbsent(owner, o -> new TreeMap<>())
                    .merge(row.metricType(), Summaries.samplesOf(row), GaugeJson.Samples::and);
        }
        groups.forEach((group, figures) -> GroupShortage.of(group, figures, window, insights));
        nodes.forEach((node, figures) -> NodeShortage.of(node, figures, window, insights));
        insights.sort(Comparator.comparing(Insight::severity).reversed().thenComparing(Insight::kind));
        return insights;
    }

    private static java.util.Optional<Insight> slower(
            TypeFigures.Key key,
            String figure,
            LatencyHistogram now,
            LatencyHistogram usual,
            String window,
            String baselineName) {
        if (now.count() < MIN_DURATIONS || usual.count() < MIN_DURATIONS) {
            return java.util.Optional.empty();
        }
        double p95 = now.percentileMs(0.95);
        double base = usual.percentileMs(0.95);
        double ratio = base <= 0 ? Double.POSITIVE_INFINITY : p95 / base;
        if (ratio < SLOWER || p95 - base < MIN_SLOWDOWN_MS) {
            return java.util.Optional.empty();
        }
        String what = HistoryMetric.WAIT.equals(figure) ? "queue wait" : "execution";
        return java.util.Optional.of(new Insight(
                "SLOWER_THAN_BASELINE",
                ratio >= MUCH_SLOWER ? InsightSeverity.CRITICAL : InsightSeverity.WARNING,
                key.group(),
                key.type(),
                null,
                p95,
                base,
                String.format(
                        Locale.ROOT,
                        "%s in group %s: p95 %s %s over the last %s, %.1f times its baseline of %s (%s)",
                        key.type(),
                        key.group(),
                        what,
                        ms(p95),
                        window,
                        ratio,
                        ms(base),
                        baselineName)));
    }

    private static void slowest(Map<TypeFigures.Key, TypeFigures> recent, String window, List<Insight> insights) {
        recent.entrySet().stream()
                .filter(entry -> entry.getValue().run.count() >= MIN_DURATIONS)
                .sorted(Comparator.comparingDouble((Map.Entry<TypeFigures.Key, TypeFigures> entry) ->
                                entry.getValue().run.percentileMs(0.95))
                        .reversed())
                .limit(TOP)
                .forEach(entry -> {
                    double p95 = entry.getValue().run.percentileMs(0.95);
                    insights.add(new Insight(
                            "SLOWEST_TYPE",
                            InsightSeverity.INFO,
                            entry.getKey().group(),
                            entry.getKey().type(),
                            null,
                            p95,
                            null,
                            String.format(
                                    Locale.ROOT,
                                    "%s in group %s is among the slowest types: p95 execution %s over the last %s"
                                            + " (%d attempts)",
                                    entry.getKey().type(),
                                    entry.getKey().group(),
                                    ms(p95),
                                    window,
                                    entry.getValue().run.count())));
                });
    }

    private static void mostRetried(Map<TypeFigures.Key, TypeFigures> recent, String window, List<Insight> insights) {
        recent.entrySet().stream()
                .filter(entry -> entry.getValue().started >= MIN_DURATIONS
                        && entry.getValue().retried >= 0.1 * entry.getValue().started)
                .sorted(Comparator.comparingDouble((Map.Entry<TypeFigures.Key, TypeFigures> entry) ->
                                (double) entry.getValue().retried / entry.getValue().started)
                        .reversed())
                .limit(TOP)
                .forEach(entry -> {
                    TypeFigures figures = entry.getValue();
                    double share = (double) figures.retried / figures.started;
                    insights.add(new Insight(
                            "MOST_RETRIED",
                            share >= 0.5 ? InsightSeverity.WARNING : InsightSeverity.INFO,
                            entry.getKey().group(),
                            entry.getKey().type(),
                            null,
                            share,
                            null,
                            String.format(
                                    Locale.ROOT,
                                    "%s in group %s: %d of %d attempts over the last %s were retried (%.0f %%)",
                                    entry.getKey().type(),
                                    entry.getKey().group(),
                                    figures.retried,
                                    figures.started,
                                    window,
                                    share * 100)));
                });
    }

    static String ms(double millis) {
        return millis >= 10_000
                ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
                : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String text(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 && minutes > 0 ? (minutes / 60) + " h" : minutes + " min";
    }

    static String bytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
    }
}
