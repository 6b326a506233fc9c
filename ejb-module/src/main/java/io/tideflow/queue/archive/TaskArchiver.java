package io.tideflow.queue.archive;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.ArchiveSettings;
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
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves tasks that have been COMPLETED or CANCELLED for {@code tideflow.archive.after} to ARCHIVED, every
 * {@code tideflow.archive.interval}, in batches of a bounded size (each its own transaction); then deletes tasks
 * ARCHIVED for {@code tideflow.archive.purge-after} and DEAD_LETTER for
 * {@code tideflow.archive.dead-letter-purge-after}, so that the table does not grow for ever. Every node may run it:
 * a move or a delete is conditional on the state read, so each happens once. Where the batch jobs are deployed beside
 * the engine, they take the work over ({@link #handOver}) and run it as the {@code tideflow-maintenance} job.
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
    ManagedThreadFactory threads;

    @Inject
    ArchiveSettings settings;

    @Inject
    ArchiveTransactions transactions;

    @Inject
    Clock clock;

    private RepeatingWork runs;
    private volatile boolean handedOver;

    @PostConstruct
    void start() {
        if (!settings.enabled()) {
            return;
        }
        runs = RepeatingWork.start(
                threads, "tideflow-archiver", settings.interval(), settings.interval(), this::archive);
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.stop();
        }
    }

    /**
     * From now on the batch job {@code tideflow-maintenance} archives and purges (on one node at a time), and this
     * node's own runs do nothing; {@code false} gives the work back to them.
     */
    public void handOver(boolean toBatchJobs) {
        handedOver = toBatchJobs;
    }

    /** Archives what finished before {@code tideflow.archive.after} ago, at most a run's worth; how many. */
    public int archiveFinished() {
        if (!settings.enabled()) {
            return 0;
        }
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
        return total;
    }

    /** Deletes archived tasks and dead letters past their retention, at most a run's worth of each; how many. */
    public int purgeExpired() {
        if (!settings.enabled() || !settings.purge()) {
            return 0;
        }
        return purge(TaskState.ARCHIVED, settings.purgeAfter())
                + purge(TaskState.DEAD_LETTER, settings.deadLetterPurgeAfter());
    }

    private int purge(TaskState state, Duration retention) {
        Instant before = clock.instant().minus(retention);
        int total = 0;
        for (int batch = 0; batch < MOST_BATCHES_PER_RUN; batch++) {
            int deleted = transactions.purgeBatch(state, before, BATCH);
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        if (total > 0) {
            int done = total;
            LOG.fine(() -> "Tideflow deleted " + done + " tasks " + state + " for longer than " + retention);
        }
        return total;
    }

    void archive() {
        if (handedOver) {
            return;
        }
        try {
            archiveFinished();
            purgeExpired();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "archiving finished tasks failed; the next run tries again", e);
        }
    }
}
