package io.tideflow.queue.api.workflow;

/** What a step does when one of its predecessors ends DEAD_LETTER or CANCELLED instead of COMPLETED. */
public enum OnPredecessorFailure {
    /** The step is cancelled (and so, in turn, are the steps that wait for it). The default. */
    CANCEL,
    /** The step runs all the same once every predecessor has ended; it can read which did not complete. */
    RUN
}
