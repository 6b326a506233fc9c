package io.tideflow.queue.execution;

import io.tideflow.queue.store.CompletionWriter.Completion;

/**
 * How one attempt ended.
 *
 * @param completion what to write, for {@link AttemptOutcome#HANDED_OVER} only
 */
public record AttemptResult(AttemptOutcome outcome, Throwable error, Completion completion) {

    /** The kinds of end an attempt can have. */
    public enum AttemptOutcome {
        /** The handler returned and the task is COMPLETED, in one commit. */
        SUCCEEDED,
        /** A non-transactional handler returned; its completion is written with the next batch. */
        HANDED_OVER,
        /** The handler threw or ran out of time; its work was rolled back and the failure is recorded next. */
        FAILED,
        /** The handler stopped on a cancel request; its work was rolled back and the task is cancelled next. */
        CANCELLED,
        /** The lease was no longer this worker's; the handler's work was rolled back and nothing was recorded. */
        STALE_LEASE,
        /**
         * The node is shutting down and asked the handler to stop, and it did; its work was rolled back, nothing was
         * recorded, and the task is released next (PENDING, the attempt not counted).
         */
        STOPPED_FOR_SHUTDOWN
    }

    static AttemptResult succeeded() {
        return new AttemptResult(AttemptOutcome.SUCCEEDED, null, null);
    }

    public static AttemptResult failed(Throwable error) {
        return new AttemptResult(AttemptOutcome.FAILED, error, null);
    }

    static AttemptResult cancelled() {
        return new AttemptResult(AttemptOutcome.CANCELLED, null, null);
    }

    static AttemptResult stoppedForShutdown() {
        return new AttemptResult(AttemptOutcome.STOPPED_FOR_SHUTDOWN, null, null);
    }

    static AttemptResult staleLease() {
        return new AttemptResult(AttemptOutcome.STALE_LEASE, null, null);
    }

    static AttemptResult handedOver(Completion completion) {
        return new AttemptResult(AttemptOutcome.HANDED_OVER, null, completion);
    }
}
