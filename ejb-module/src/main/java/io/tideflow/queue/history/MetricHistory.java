package io.tideflow.queue.history;

import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
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
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the minutes of this node's figures that changed every {@code tideflow.history.flush-interval} (one batch,
 * never a row per task; the open minute too, so a killed node loses at most one interval), rolls closed hours up and
 * deletes rows past their retention; at shutdown writes what changed since.
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

    /** Figures held while writes fail (a database outage); beyond it the oldest minutes are dropped. */
    private static final int MOST_FIGURES_HELD = 50_000;

    private RepeatingWork flushes;
    private volatile boolean retentionHandedOver;

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
            writeChanged();
        }
    }

    void flush() {
        try {
            Instant now = clock.instant();
            if (writeChanged()) {
                long sealed = Resolution.MINUTE.floor(
                        now.minus(settings.lateEventAllowance()).toEpochMilli());
                int dropped = listener.buffer().seal(sealed, MOST_FIGURES_HELD);
                if (dropped > 0) {
                    LOG.warning(() -> dropped + " metric history figures could not be written for too long: dropped");
                }
            }
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

    /** Writes every minute that changed since the last write; false when that failed (then it is tried again). */
    private synchronized boolean writeChanged() {
        HistoryBuffer buffer = listener.buffer();
        Map<Long, List<MetricRow>> minutes = buffer.takeChanged(engine.nodeId());
        if (minutes.isEmpty()) {
            return true;
        }
        try {
            transactions.replaceMinutes(engine.nodeId(), buffer.writer(), minutes);
            return true;
        } catch (RuntimeException e) {
            buffer.changedAgain(minutes.keySet());
            LOG.log(
                    Level.WARNING,
                    "writing " + minutes.size() + " minutes of metric history failed; the next flush tries again",
                    e);
            return false;
        }
    }
}
