package io.tideflow.queue.archive;

import io.tideflow.queue.config.ArchiveSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves tasks that have been COMPLETED or CANCELLED for {@code tideflow.archive.after} to ARCHIVED, every
 * {@code tideflow.archive.interval}, in batches of a bounded size (each its own transaction). Every node may run it:
 * a move is conditional on the state read, so a task is archived once.
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskArchiver {

    private static final Logger LOG = Logger.getLogger(TaskArchiver.class.getName());
    static final int BATCH = 500;
    /** At most this many batches per run, so that a large backlog is worked off over several runs. */
    static final int MOST_BATCHES_PER_RUN = 20;

    @Resource
    TimerService timers;

    @Inject
    ArchiveSettings settings;

    @Inject
    ArchiveTransactions transactions;

    @Inject
    Clock clock;

    private final AtomicBoolean archiving = new AtomicBoolean();

    @PostConstruct
    void start() {
        if (!settings.enabled()) {
            return;
        }
        long everyMs = settings.interval().toMillis();
        timers.createIntervalTimer(everyMs, everyMs, new TimerConfig("tideflow-archiver", false));
    }

    @Timeout
    void archive() {
        if (!archiving.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant before = clock.instant().minus(settings.after());
            int total = 0;
            for (int batch = 0; batch < MOST_BATCHES_PER_RUN; batch++) {
                int archived = transactions.archiveBatch(before, BATCH);
                total += archived;
                if (archived < BATCH) {
                    break;
                }
            }
            if (total > 0) {
                int done = total;
                LOG.fine(() -> "Tideflow archived " + done + " finished tasks");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "archiving finished tasks failed; the next run tries again", e);
        } finally {
            archiving.set(false);
        }
    }
}
