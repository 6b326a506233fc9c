package io.tideflow.queue.api.admin;

import java.time.Instant;
import java.util.List;

/** Reads the metric history. */
public interface MetricQueries {

    /** Every group's figures over {@code [from, to)}, or one group's when {@code group} is not null. */
    MetricsSummary summary(Instant from, Instant to, String group);

    /**
     * One figure of one group (or of all groups together when {@code group} is null: counts summed, latencies over
     * every group's tasks) over {@code [from, to)}, a point per minute (or per hour when {@code hourly}).
     *
     * @param metric one of enqueued, started, completed, failed, retried, dead_lettered, cancelled, deferred,
     *               rescued, lease_lost, archived, wait, run
     */
    List<MetricPoint> series(String metric, String group, Instant from, Instant to, boolean hourly);
}
