package io.tideflow.queue.api;

/**
 * The life cycle of a task. Every change of state goes through one transition table and is written as one
 * conditional statement on the state it leaves, so two deciders can never both win.
 */
public enum TaskState {
    /**
     * A workflow step that waits for its predecessors. The workflow releaser moves it to PENDING once every predecessor
     * has completed, or to CANCELLED once one has ended DEAD_LETTER or CANCELLED (unless its dependency says to run
     * anyway); an operator may cancel it, alone or with its workflow.
     */
    WAITING,
    /** Waiting to run at or after its run time. The dispatcher moves it to RUNNING; an operator may cancel it. */
    PENDING,
    /** Claimed by one node under a lease. The worker that holds the lease token moves it to COMPLETED or FAILED. */
    RUNNING,
    /** The handler succeeded and its result is stored. Archiving moves it to ARCHIVED. */
    COMPLETED,
    /**
     * The last attempt failed and the task waits for its next run time. The dispatcher moves it back to PENDING when
     * that time has come and attempts remain, or to DEAD_LETTER when none remain.
     */
    FAILED,
    /** Cancelled before it ran. Archiving moves it to ARCHIVED. */
    CANCELLED,
    /** Terminal: kept for the record only. */
    ARCHIVED,
    /** Terminal: attempts are exhausted or the failure was permanent. An operator may requeue a copy. */
    DEAD_LETTER;

    /** Whether no transition leaves this state. */
    public boolean isTerminal() {
        return this == ARCHIVED || this == DEAD_LETTER;
    }
}
