package io.tideflow.queue.history;

import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The metric history's writes, each in a transaction of its own. A singleton without locking (like the completion
 * writer) so that {@link MetricHistory} can depend on it and write its last minutes while it shuts down.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HistoryTransactions {

    @Inject
    MetricHistoryStore store;

    /**
     * Writes each minute's rows in place of what this node start ({@code writer}) wrote of that minute before, all
     * minutes or none.
     */
    public void replaceMinutes(String node, String writer, Map<Long, List<MetricRow>> rowsByMinute) {
        List<MetricRow> rows = new ArrayList<>();
        rowsByMinute.forEach((minute, its) -> {
            store.deleteWritten(minute, node, writer);
            rows.addAll(its);
        });
        store.insertAll(rows);
    }

    /** Rolls the hours that ended {@code grace} ago up, unless another node already has; returns the rows written. */
    public int rollUpHours(Instant now, Duration grace) {
        return HourlyRollup.run(store, now.minus(grace).toEpochMilli());
    }

    /** Deletes minute and hour rows past their retention; returns how many. */
    public int applyRetention(Instant now, Duration minutes, Duration hours) {
        return store.deleteOlderThan(Resolution.MINUTE, now.minus(minutes).toEpochMilli())
                + store.deleteOlderThan(Resolution.HOUR, now.minus(hours).toEpochMilli());
    }
}
