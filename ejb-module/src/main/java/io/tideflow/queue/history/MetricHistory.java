package io.tideflow.queue.history;

import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.store.reporting.MetricRow;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes this node's closed minutes every {@code tideflow.history.flush-interval} (one batch, never a row per task),
 * rolls closed hours up and deletes rows past their retention; at shutdown writes what it still holds, the current
 * minute included.
 */
@Singleton
@Startup
@DependsOn({"SchemaBootstrap", "HistoryTransactions"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MetricHistory {

    private static final Logger LOG = Logger.getLogger(MetricHistory.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    HistoryListener listener;

    @Inject
    HistoryTransactions transactions;

    @Inject
    ObservabilitySettings settings;

    @Inject
    EngineSettings engine;

    @Inject
    Clock clock;

    /** Rows whose write failed (its transaction rolled back, so nothing of them was written), tried again next. */
    private static final int MOST_KEPT_FOR_RETRY = 50_000;

    private RepeatingWork flushes;
    private volatile boolean retentionHandedOver;
    private final List<MetricRow> unwritten = new ArrayList<>();

    @PostConstruct
    void start() {
        if (!settings.historyEnabled()) {
            LOG.info("Tideflow metric history is off on this node (tideflow.history.enabled=false)");
            return;
        }
        flushes = RepeatingWork.start(
                threads, "tideflow-metric-history", settings.historyFlush(), settings.historyFlush(), this::flush);
    }

    @PreDestroy
    void stop() {
        if (flushes != null) {
            flushes.stop();
        }
        if (settings.historyEnabled()) {
            write(listener.buffer().drainAll(engine.nodeId()));
        }
    }

    void flush() {
        try {
            Instant now = clock.instant();
            write(listener.buffer().drainMinutesEndedBy(now.toEpochMilli(), engine.nodeId()));
            transactions.rollUpHours(now, settings.rollupGrace());
            if (!retentionHandedOver) {
                deleteExpired();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rolling up or pruning the metric history failed; the next flush tries again", e);
        }
    }

    /**
     * From now on the batch job {@code tideflow-maintenance} deletes the rows past their retention (on one node at a
     * time), and this node's flushes no longer do; {@code false} gives the work back to them.
     */
    public void handOverRetention(boolean toBatchJobs) {
        retentionHandedOver = toBatchJobs;
    }

    /** Deletes the minute and hour rows past {@code tideflow.history.minute-retention} and {@code hour-retention}. */
    public int deleteExpired() {
        return transactions.applyRetention(clock.instant(), settings.minuteRetention(), settings.hourRetention());
    }

    private synchronized void write(List<MetricRow> drained) {
        List<MetricRow> rows = new ArrayList<>(unwritten);
        rows.addAll(drained);
        unwritten.clear();
        if (rows.isEmpty()) {
            return;
        }
        try {
            transactions.write(rows);
        } catch (RuntimeException e) {
            if (rows.size() <= MOST_KEPT_FOR_RETRY) {
                unwritten.addAll(rows);
            }
            LOG.log(
                    Level.WARNING,
                    "writing " + rows.size() + " metric history rows failed; "
                            + (rows.size() <= MOST_KEPT_FOR_RETRY
                                    ? "the next flush tries again"
                                    : "too many to keep, dropped"),
                    e);
        }
    }
}
