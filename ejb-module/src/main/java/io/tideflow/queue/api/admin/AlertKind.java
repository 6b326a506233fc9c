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
    THROUGHPUT_DROP
}
