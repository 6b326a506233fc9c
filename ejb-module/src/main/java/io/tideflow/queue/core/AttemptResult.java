package io.tideflow.queue.core;

/** How one attempt ended. */
public record AttemptResult(AttemptOutcome outcome, Throwable error) {

    /** The kinds of end an attempt can have. */
    public enum AttemptOutcome {
        /** The handler returned and the task is COMPLETED, in one commit. */
        SUCCEEDED,
        /** The handler threw or ran out of time; its work was rolled back and the failure is recorded next. */
        FAILED,
        /** The handler stopped on a cancel request; its work was rolled back and the task is cancelled next. */
        CANCELLED,
        /** The lease was no longer this worker's; the handler's work was rolled back and nothing was recorded. */
        STALE_LEASE
    }

    static AttemptResult succeeded() {
        return new AttemptResult(AttemptOutcome.SUCCEEDED, null);
    }

    static AttemptResult failed(Throwable error) {
        return new AttemptResult(AttemptOutcome.FAILED, error);
    }

    static AttemptResult cancelled() {
        return new AttemptResult(AttemptOutcome.CANCELLED, null);
    }

    static AttemptResult staleLease() {
        return new AttemptResult(AttemptOutcome.STALE_LEASE, null);
    }
}
