package io.tideflow.queue.insights;

import io.tideflow.queue.api.admin.Insight;
import io.tideflow.queue.history.SampledFigure;
import io.tideflow.queue.store.reporting.InsightStore;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The analyzer's reads of the history and its write of one set of insights, each in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class InsightTransactions {

    /** How long sets of insights are kept. */
    public static final Duration RETENTION = Duration.ofDays(7);

    private static final long DAY = Duration.ofDays(1).toMillis();

    @Inject
    MetricHistoryStore history;

    @Inject
    InsightStore insights;

    /**
     * Reads what the analysis needs: indexed ranges of the history, never all of it. The baseline's same hour of the
     * previous seven days is read an hour at a time.
     */
    public PerformanceAnalyzer.Input read(Instant now, Duration window) {
        long to = now.toEpochMilli();
        long from = to - window.toMillis();
        List<MetricRow> recentTypes = history.typesBetween(Resolution.MINUTE, from, to);
        long hour = Resolution.HOUR.floor(from);
        List<MetricRow> sameHour = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            long start = hour - day * DAY;
            sameHour.addAll(history.typesBetween(Resolution.HOUR, start, start + Resolution.HOUR.millis()));
        }
        List<MetricRow> lastDay = history.typesBetween(Resolution.HOUR, hour - DAY, hour);
        List<MetricRow> sampled = new ArrayList<>();
        for (MetricRow row : history.between(Resolution.MINUTE, from, to, null)) {
            if (SampledFigure.isSampled(row.metricType())) {
                sampled.add(row);
            }
        }
        return new PerformanceAnalyzer.Input(window, recentTypes, sameHour, lastDay, sampled);
    }

    /** Writes one analysis' set and deletes the sets past their retention. */
    public void write(Instant at, List<Insight> found) {
        insights.insertAll(at, found);
        insights.deleteOlderThan(at.minus(RETENTION));
    }
}
