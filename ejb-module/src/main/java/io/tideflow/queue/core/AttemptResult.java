package io.tideflow.queue.core;

/** How one attempt ended inside its transaction. */
public record AttemptResult(AttemptOutcome outcome, Throwable error) {

    /** The kinds of end an attempt can have. */
    public enum AttemptOutcome {
        /** The handler returned and the task is COMPLETED, in one commit. */
        SUCCEEDED,
        /** The handler threw; its work was rolled back and the failure is recorded in a new transaction. */
        FAILED,
        /** The lease was no longer this worker's; the handler's work was rolled back and nothing was recorded. */
        STALE_LEASE
    }

    static AttemptResult succeeded() {
        return new AttemptResult(AttemptOutcome.SUCCEEDED, null);
    }

    static AttemptResult failed(Throwable error) {
        return new AttemptResult(AttemptOutcome.FAILED, error);
    }

    static AttemptResult staleLease() {
        return new AttemptResult(AttemptOutcome.STALE_LEASE, null);
    }
}
