package io.tideflow.batch.maintenance;

import io.tideflow.batch.executions.BatchExecutions;
import io.tideflow.batch.module.ModuleLooks;
import io.tideflow.queue.api.admin.BatchRecords;
import io.tideflow.queue.api.admin.Maintenance;
import io.tideflow.queue.background.RepeatingWork;
import jakarta.annotation.PreDestroy;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the housekeeping job {@code tideflow-maintenance} every {@code tideflow.archive.interval} on one node at a
 * time (the alive node first by name): archive finished tasks, delete archived tasks, dead letters, metric history and
 * export files past their retention. While this runs, the engine's own periodic housekeeping stands aside. An execution
 * still running is not joined by another; one that fails gives the housekeeping back to the engine, which then runs it
 * on every node as it does without the batch jobs.
 */
@ApplicationScoped
public class MaintenanceJobs {

    public static final String JOB = "tideflow-maintenance";
    private static final Logger LOG = Logger.getLogger(MaintenanceJobs.class.getName());

    @Inject
    Maintenance maintenance;

    @Inject
    BatchRecords records;

    /** How often it looks whether the job is due: a look costs nothing but a clock read until it is. */
    private static final long LOOK_EVERY_MILLIS = 500;

    private RepeatingWork look;
    private Long last;
    private long intervalMillis;
    private long dueAt;
    private volatile boolean gaveBack;

    /** Starts the looks; called once by {@link io.tideflow.batch.module.BatchModuleStart}. */
    public synchronized void start() {
        if (look != null) {
            return;
        }
        // the engine is called at the first look: Payara's EJB container is still starting here
        look = ModuleLooks.every("tideflow-maintenance-jobs", LOOK_EVERY_MILLIS, this::startWhenDue);
    }

    void startWhenDue() {
        long now = System.currentTimeMillis();
        if (gaveBack || !handedOver(now) || now < dueAt) {
            return;
        }
        dueAt = now + intervalMillis;
        if (runsHere()) {
            startUnlessRunning();
        }
    }

    /** Takes the housekeeping over from the engine at the first look that finds the engine started. */
    private boolean handedOver(long now) {
        if (intervalMillis > 0) {
            return true;
        }
        try {
            maintenance.handOverToBatchJobs();
            intervalMillis = maintenance.interval().toMillis();
            dueAt = now + intervalMillis;
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the engine is not started yet; the next look takes the housekeeping over", e);
            return false;
        }
    }

    private boolean runsHere() {
        try {
            return maintenance.runsHere();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading which node runs " + JOB + " failed; the next interval tries again", e);
            return false;
        }
    }

    private void startUnlessRunning() {
        try {
            JobOperator jobs = BatchRuntime.getJobOperator();
            if (last != null) {
                BatchStatus status = jobs.getJobExecution(last).getBatchStatus();
                if (BatchExecutions.isRunning(status)) {
                    return;
                }
                if (status == BatchStatus.FAILED) {
                    giveBack("execution " + last + " of " + JOB + " failed");
                    return;
                }
            }
            long execution = jobs.start(JOB, new Properties());
            last = execution;
            records.started(execution, JOB, null, null, null);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "starting " + JOB + " failed", e);
            giveBack("starting " + JOB + " failed: " + e);
        }
    }

    private void giveBack(String why) {
        gaveBack = true;
        maintenance.takeBack();
        LOG.warning(() -> why + "; the engine archives and deletes past retention itself from now on, on every node,"
                + " until the next deployment");
    }

    @PreDestroy
    synchronized void stop() {
        if (look == null) {
            return;
        }
        look.stop();
        if (intervalMillis == 0) {
            return;
        }
        try {
            maintenance.takeBack();
        } catch (RuntimeException e) {
            // the engine is stopping too
            LOG.log(Level.FINE, "giving the housekeeping back to the engine failed", e);
        }
    }
}
