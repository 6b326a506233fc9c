package io.tideflow.queue.insights;

import io.tideflow.queue.api.admin.Insight;
import io.tideflow.queue.api.admin.InsightSeverity;
import io.tideflow.queue.history.GaugeJson;
import io.tideflow.queue.history.SampledFigure;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A group that spent most of the window at its concurrency limits, or with its rate bucket empty. */
final class GroupShortage {

    static final double AT_LIMIT = 80;
    static final double RATE_USED = 90;

    private GroupShortage() {}

    static void of(String group, Map<String, GaugeJson.Samples> figures, String window, List<Insight> insights) {
        GaugeJson.Samples atLimit = figures.get(SampledFigure.GROUP_AT_LIMIT);
        if (enough(atLimit) && atLimit.mean() >= AT_LIMIT) {
            insights.add(saturated(
                    group,
                    atLimit.mean(),
                    // a mean of its samples: a group limited only a minute ago has a minute of them, not the window
                    "group %s spent %.0f %% of the time it was sampled in the last %s at its concurrency limit: its"
                            + " tasks wait for room, not for workers",
                    window));
        }
        GaugeJson.Samples rate = figures.get(SampledFigure.GROUP_RATE_USE);
        if (enough(rate) && rate.mean() >= RATE_USED) {
            insights.add(saturated(
                    group,
                    rate.mean(),
                    "group %s used %.0f %% of its rate over the last %s: its starts are held to the rate",
                    window));
        }
    }

    private static Insight saturated(String group, double percent, String format, String window) {
        return new Insight(
                "GROUP_SATURATED",
                InsightSeverity.WARNING,
                group,
                null,
                null,
                percent,
                null,
                String.format(Locale.ROOT, format, group, percent, window));
    }

    static boolean enough(GaugeJson.Samples samples) {
        return samples != null && samples.count() >= PerformanceAnalyzer.MIN_SAMPLES;
    }
}
