package io.tideflow.queue.api.recurring;

/**
 * What a schedule does with the slots it missed (no node was up, or every node was busy past the misfire threshold,
 * {@code tideflow.schedules.misfire-threshold}). Slots within the threshold always fire.
 */
public enum MisfirePolicy {
    /** Missed slots get no task; the schedule goes on with its next slot. */
    SKIP,
    /** All missed slots together get one task, for the latest of them. The default. */
    RUN_ONCE,
    /** The latest missed slots get a task each, oldest first, up to the schedule's catch-up limit. */
    CATCH_UP
}
