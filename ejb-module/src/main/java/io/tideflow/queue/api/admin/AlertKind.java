package io.tideflow.queue.api.admin;

/** What an alert rule watches. */
public enum AlertKind {
    /** Failed attempts over finished attempts in the rule's window is above the threshold (a ratio, 0 to 1). */
    ERROR_RATE,
    /** The group's longest-waiting due task has waited longer than the threshold (a duration). */
    OLDEST_DUE,
    /** The group's circuit breaker has not been CLOSED for longer than the threshold (a duration). */
    BREAKER_OPEN,
    /**
     * Completions in the rule's window fell below the same hour's baseline (the mean of the previous seven days at
     * that hour) by more than the threshold (a ratio, 0 to 1: 0.5 fires below half the baseline).
     */
    THROUGHPUT_DROP,
    /**
     * An anomaly (no rule to configure: {@code tideflow.anomalies.enabled}): the group's p95 execution over the last
     * minutes is far above its robust baseline, the median of the hour before's per-minute p95.
     */
    LATENCY_SPIKE,
    /** An anomaly: the group's error rate over the last minutes is far above its robust baseline. */
    ERROR_SPIKE,
    /** An anomaly: the group's waiting tasks grew for the last minutes; the message estimates the time to drain. */
    BACKLOG_GROWTH,
    /** An anomaly: a node that wrote its figures in the last hour stopped writing them (its group names the node). */
    NODE_SILENT
}
