package io.tideflow.queue.api.admin;

/**
 * One resource group's figures over a time range.
 *
 * @param throughputPerSecond tasks completed per second over the range
 * @param errorRate           failed attempts over finished attempts (completed + failed), 0 when none finished
 * @param queueWait           from a task becoming due to its attempt starting
 * @param execution           how long attempts ran, completed or failed
 * @param chunks              the group's chunks of batchable types, or null when none ran in the range
 */
public record GroupMetrics(
        String group,
        long enqueued,
        long started,
        long completed,
        long failed,
        long retried,
        long deadLettered,
        long cancelled,
        long rescued,
        double throughputPerSecond,
        double errorRate,
        LatencySummary queueWait,
        LatencySummary execution,
        ChunkFigures chunks) {}
