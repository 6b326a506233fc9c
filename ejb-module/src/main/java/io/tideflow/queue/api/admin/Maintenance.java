package io.tideflow.queue.api.admin;

import java.time.Duration;

/**
 * The engine's housekeeping, for the batch job that runs it ({@code tideflow-maintenance}): archiving finished tasks,
 * deleting archived tasks, dead letters and metric history past their retention. Each call does at most one run's
 * worth, each delete or move conditional on the state it read, so two nodes running it at once do no harm.
 */
public interface Maintenance {

    /**
     * The batch job runs the housekeeping from now on: the engine's own periodic runs of it stop on this node until
     * {@link #takeBack()}.
     */
    void handOverToBatchJobs();

    /** The engine's own periodic runs do the housekeeping again on this node (the batch jobs are gone). */
    void takeBack();

    /**
     * Whether this node is the one that runs the housekeeping now: the alive node first by name, as for the alert
     * rules, so that one node at a time starts the job.
     */
    boolean runsHere();

    /** How often the housekeeping runs ({@code tideflow.archive.interval}). */
    Duration interval();

    /** Archives tasks COMPLETED or CANCELLED for {@code tideflow.archive.after} (none when archiving is off). */
    int archiveFinished();

    /** Deletes tasks ARCHIVED or DEAD_LETTER past their retention (none when purging is off). */
    int purgeExpired();

    /** Deletes metric history rows past their retention. */
    int deleteExpiredMetricHistory();
}
