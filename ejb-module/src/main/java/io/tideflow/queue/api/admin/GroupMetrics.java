package io.tideflow.queue.api.admin;

import java.util.Map;

/**
 * One resource group's figures over a time range.
 *
 * @param throughputPerSecond tasks completed per second over the range
 * @param errorRate           failed attempts over finished attempts (completed + failed), 0 when none finished
 * @param queueWait           from a task becoming due to its attempt starting
 * @param execution           how long attempts ran, completed or failed
 * @param chunks              the group's chunks of batchable types, or null when none ran in the range
 * @param utilization         the group's use of its limits, sampled, by figure ({@code group.use.node},
 *                            {@code group.use.cluster}, {@code group.at_limit}, {@code group.rate.use},
 *                            {@code group.breaker.open}, {@code group.running}): percent, every node's samples
 *                            together; empty for a group without limits
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
        ChunkFigures chunks,
        Map<String, SampledSummary> utilization) {}
