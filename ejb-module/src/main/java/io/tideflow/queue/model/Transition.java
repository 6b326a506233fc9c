package io.tideflow.queue.model;

import static io.tideflow.queue.api.TaskState.ARCHIVED;
import static io.tideflow.queue.api.TaskState.CANCELLED;
import static io.tideflow.queue.api.TaskState.COMPLETED;
import static io.tideflow.queue.api.TaskState.DEAD_LETTER;
import static io.tideflow.queue.api.TaskState.FAILED;
import static io.tideflow.queue.api.TaskState.PENDING;
import static io.tideflow.queue.api.TaskState.RUNNING;
import static io.tideflow.queue.api.TaskState.WAITING;

import io.tideflow.queue.api.TaskState;

/**
 * Every way a task's state changes, and the only one: the store derives each conditional statement and each history
 * row from one of these values, and {@link TaskTransitions} is the table they make. A value whose source is not
 * {@link #isDesigned() in the design's machine} is an extension the engine really takes (a task given back, cancelled
 * while it runs or while it waits to retry), recorded as the one edge it is.
 */
public enum Transition {
    /** A new task (or an operator's requeued copy of a dead letter) is written: no state → PENDING. */
    ENQUEUE(null, PENDING, true, false),
    /** A dispatcher takes a due task under a fresh lease token. */
    CLAIM(PENDING, RUNNING, true, false),
    /** The worker holding the lease stores the result. */
    COMPLETE(RUNNING, COMPLETED, true, true),
    /** The worker holding the lease records a failed attempt and the next run time. */
    FAIL(RUNNING, FAILED, true, true),
    /** Another node takes back a task whose lease ran out, as a failed attempt ("lease expired"). */
    RESCUE(RUNNING, FAILED, true, true),
    /** Attempts are spent or the failure was permanent. */
    DEAD_LETTER_FAILED(FAILED, DEAD_LETTER, true, false),
    /** A failed task's retry time has come and attempts remain. */
    PROMOTE(FAILED, PENDING, true, false),
    /** An operator cancels a task that has not started. */
    CANCEL_PENDING(PENDING, CANCELLED, true, false),
    /** Finished tasks leave the operators' recent views. */
    ARCHIVE_COMPLETED(COMPLETED, ARCHIVED, true, false),
    /** Cancelled tasks leave the operators' recent views. */
    ARCHIVE_CANCELLED(CANCELLED, ARCHIVED, true, false),
    /** Extension: a claimed task given back unstarted or at shutdown; the attempt is not counted. */
    RELEASE(RUNNING, PENDING, false, true),
    /** Extension: the handler's own protection refused the call; due again later, the attempt is not counted. */
    DEFER(RUNNING, PENDING, false, true),
    /** Extension: a running handler stopped on an operator's cancel request. */
    CANCEL_RUNNING(RUNNING, CANCELLED, false, true),
    /** Extension: an operator cancels a task that waits for its retry; the retry is dropped. */
    CANCEL_RETRY(FAILED, CANCELLED, false, false),
    /** Extension (workflows): a step with predecessors is written: no state → WAITING. */
    ENQUEUE_WAITING(null, WAITING, false, false),
    /** Extension (workflows): every predecessor has completed (or ended, where the step runs anyway). */
    RELEASE_WAITING(WAITING, PENDING, false, false),
    /** Extension (workflows): a predecessor ended DEAD_LETTER or CANCELLED, or an operator cancelled the step. */
    CANCEL_WAITING(WAITING, CANCELLED, false, false);

    private final TaskState from;
    private final TaskState to;
    private final boolean designed;
    private final boolean fenced;

    Transition(TaskState from, TaskState to, boolean designed, boolean fenced) {
        this.from = from;
        this.to = to;
        this.designed = designed;
        this.fenced = fenced;
    }

    /** The state the change is conditional on; {@code null} only for {@link #ENQUEUE} and {@link #ENQUEUE_WAITING}. */
    public TaskState from() {
        return from;
    }

    public TaskState to() {
        return to;
    }

    /** Whether the design's state machine has this edge; the others are the engine's documented extensions. */
    public boolean isDesigned() {
        return designed;
    }

    /** Whether the change is also conditional on the lease token the task was claimed with. */
    public boolean isFenced() {
        return fenced;
    }
}
