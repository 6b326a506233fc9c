package io.tideflow.queue.api.workflow;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import java.util.List;

/**
 * Submits, reads and cancels workflows; joins the caller's transaction. A step waits (WAITING) until every task it
 * waits for has completed, then becomes PENDING; when one of them ends DEAD_LETTER or CANCELLED, the step is
 * cancelled, or runs all the same if it says {@link OnPredecessorFailure#RUN}.
 */
public interface Workflows {

    /** The most steps one workflow takes: one transaction, and memory, stay bounded. */
    int MAX_STEPS = 20_001;

    /**
     * Validates every step, then enqueues them all in the caller's transaction.
     *
     * @throws InvalidTaskRequestException naming the step and field at fault, as in {@code steps[3].after[0]} (an
     *                                     unknown step or task, a cycle) or {@code steps[2].task.type}; nothing is
     *                                     persisted then
     */
    WorkflowView submit(WorkflowRequest request);

    /** @throws WorkflowNotFoundException when no workflow has this id */
    WorkflowView get(String id);

    /**
     * Cancels every step that has not ended: waiting and pending ones at once, running ones are asked to stop.
     *
     * @return the workflow as it is after the cancel
     */
    WorkflowView cancel(String id);

    /** The tasks {@code task} waits (or waited) for, with their results: what a fan-in's handler reads. */
    List<PredecessorView> predecessorsOf(TaskId task);
}
