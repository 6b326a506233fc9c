package io.tideflow.queue.api.worker;

/** What the engine did with a failed attempt: a handler's, or one reported through {@link TaskWorker#fail}. */
public enum FailureVerdict {
    /** FAILED, due again after the type's backoff (or when the handler said, for a business failure). */
    RETRY_SCHEDULED,
    /** Attempts are spent or the failure was permanent: DEAD_LETTER. */
    DEAD_LETTERED,
    /** The handler's own protection refused the call: PENDING again later, the attempt not counted. */
    DEFERRED,
    /** The lease token is no longer the task's (it was rescued or finished): nothing was written. */
    STALE_LEASE
}
