package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskState;
import java.util.Set;

/** What an operator does to every task a filter selects. */
public enum BulkAction {
    /** Cancels waiting tasks and asks running ones to stop (PENDING, FAILED awaiting a retry, RUNNING). */
    CANCEL(Set.of(TaskState.WAITING, TaskState.PENDING, TaskState.FAILED, TaskState.RUNNING)),
    /** Requeues dead letters, each once. */
    REQUEUE(Set.of(TaskState.DEAD_LETTER));

    private final Set<TaskState> appliesTo;

    BulkAction(Set<TaskState> appliesTo) {
        this.appliesTo = appliesTo;
    }

    /** The states of the tasks this action changes; a filter on another state selects nothing for it. */
    public Set<TaskState> appliesTo() {
        return appliesTo;
    }
}
