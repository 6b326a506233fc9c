package io.tideflow.queue.alerts;

import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A group's waiting tasks growing through the last minutes, with the time its backlog would take to drain. */
final class BacklogGrowth {

    private BacklogGrowth() {}

    /**
     * Growth when the last {@code backlogMinutes} whole minutes of the sensitivity each held at least as many waiting
     * tasks as the one before, and the last at least {@link AnomalyDetector#MIN_BACKLOG_GROWTH} tasks and a tenth more
     * than the first.
     */
    static Optional<AlertEvaluator.Firing> find(
            String group,
            Map<Long, Double> pending,
            Map<Long, Double> completed,
            long now,
            AnomalyDetector.Sensitivity sensitivity) {
        int minutes = sensitivity.backlogMinutes();
        long lastWhole = Resolution.MINUTE.floor(now) - Resolution.MINUTE.millis();
        double[] series = new double[minutes];
        for (int i = 0; i < minutes; i++) {
            Double mean = pending.get(lastWhole - (minutes - 1 - i) * Resolution.MINUTE.millis());
            if (mean == null) {
                return Optional.empty();
            }
            series[i] = mean;
            if (i > 0 && series[i] < series[i - 1]) {
                return Optional.empty();
            }
        }
        double first = series[0];
        double last = series[minutes - 1];
        if (last - first < Math.max(AnomalyDetector.MIN_BACKLOG_GROWTH, 0.1 * first)) {
            return Optional.empty();
        }
        double done = 0;
        for (int i = 0; i < minutes; i++) {
            done += completed.getOrDefault(lastWhole - i * Resolution.MINUTE.millis(), 0.0);
        }
        double perSecond = done / (minutes * 60.0);
        String drain = perSecond <= 0
                ? "nothing completed meanwhile, so it is not draining at all"
                : String.format(
                        Locale.ROOT,
                        "at the current completion rate (%.2f/s) it would take %s to drain with no new tasks",
                        perSecond,
                        AnomalyDetector.duration(last / perSecond));
        return Optional.of(new AlertEvaluator.Firing(
                sensitivity.backlogRule(),
                group,
                last,
                String.format(
                        Locale.ROOT,
                        "the waiting tasks of group %s grew from %.0f to %.0f over the last %d min; %s",
                        group,
                        first,
                        last,
                        minutes,
                        drain)));
    }
}
