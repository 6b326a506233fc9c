package io.tideflow.queue.store;

/** What a cancel did. */
public enum CancelOutcome {
    /** The task had not started (PENDING, or FAILED waiting for a retry) and is now CANCELLED. */
    CANCELLED,
    /** The task is RUNNING: its handler is asked to stop, and the task ends CANCELLED if it does. */
    STOP_REQUESTED
}
