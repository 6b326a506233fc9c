package io.tideflow.queue.model;

/** What happens to a task after a failed attempt. */
public enum RetryDecision {
    /** FAILED now, PENDING again at the backoff's retry time. */
    RETRY,
    /** FAILED, then DEAD_LETTER at once: attempts are spent or the failure is permanent. */
    DEAD_LETTER
}
