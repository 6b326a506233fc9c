package io.tideflow.queue.store;

/** What recording a failed attempt did to the task. */
public enum FailureOutcome {
    /** The task is FAILED and will be PENDING again at its retry time. */
    RETRY_SCHEDULED,
    /** No attempt remains: the task went through FAILED to DEAD_LETTER. */
    DEAD_LETTERED,
    /** The task was given back without burning its attempt and is PENDING again at a later time. */
    DEFERRED,
    /** The lease token was no longer the task's (rescued or completed elsewhere): nothing was changed. */
    STALE_LEASE
}
