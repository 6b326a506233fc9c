package io.tideflow.queue.api.admin;

/**
 * Cancels or requeues every task a filter selects, for operators who would otherwise do it one task at a time. Each
 * task changes in its own transaction, conditional on its state as for a single cancel or requeue, so a task that
 * moved on meanwhile is skipped, and an action repeated (a form posted twice) changes nothing twice.
 */
public interface BulkTaskActions {

    /** The most tasks one action changes; run it again for the rest. */
    int MAX_TASKS = 10_000;

    /** How many tasks the action would change now: what the operator confirms. */
    long count(BulkAction action, TaskFilter filter);

    /** Applies the action to at most {@link #MAX_TASKS} of the tasks the filter selects, newest first. */
    BulkOutcome apply(BulkAction action, TaskFilter filter);
}
