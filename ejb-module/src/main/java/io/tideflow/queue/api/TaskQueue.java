package io.tideflow.queue.api;

import io.tideflow.queue.api.admin.TaskView;
import java.util.List;

/**
 * Submits and steers tasks. Inject it into any bean; {@link #enqueue} joins the caller's transaction, so a task
 * enqueued in a transaction that rolls back was never enqueued, and the dispatcher is woken only after the commit.
 */
public interface TaskQueue {

    /**
     * Validates, persists and schedules a task.
     *
     * @return the new task's id, or the existing task's id when {@link TaskRequest#idempotencyKey()} was seen before
     * @throws InvalidTaskRequestException naming the field at fault; nothing is persisted then
     */
    TaskId enqueue(TaskRequest request);

    /**
     * Enqueues many tasks at once, in the caller's transaction, written together: much faster than one
     * {@link #enqueue} per task. Every request is validated before anything is persisted.
     *
     * @param requests 1 to 10,000 requests
     * @return one id per request, in order (an idempotency key seen before, in the store or earlier in the list,
     *         gives that task's id)
     * @throws InvalidTaskRequestException naming the request and its field, as in {@code tasks[3].payload};
     *                                     nothing is persisted then
     */
    List<TaskId> enqueueAll(List<TaskRequest> requests);

    /**
     * {@link #enqueue}, also saying whether the task is new or was found by its idempotency key: a submitter that
     * answers a repeat differently from a first submission (HTTP 200 against 201) needs to know.
     */
    Enqueued enqueueOrFind(TaskRequest request);

    /** {@link #enqueueAll}, with one {@link Enqueued} per request, in order. */
    List<Enqueued> enqueueAllOrFind(List<TaskRequest> requests);

    /**
     * Several independent submissions in the caller's transaction, their tasks written together: each is validated and
     * admitted on its own, as {@link #enqueueOrFind} or {@link #enqueueAllOrFind} would, and a refused one leaves the
     * others enqueued. For a channel that consumes many messages in one transaction, one submission per message.
     *
     * @return one outcome per submission, in order
     */
    List<Submitted> enqueueEach(List<Submission> submissions);

    /**
     * The largest payload, in UTF-8 bytes, that {@link #enqueue} accepts ({@code tideflow.payload.max-bytes}): a
     * submitter that reads a request body can refuse a larger one before holding it all.
     */
    int payloadMaxBytes();

    /**
     * Cancels a task: one that waits (PENDING, or FAILED before its retry) becomes CANCELLED at once; a RUNNING one is
     * asked to stop (see {@link TaskContext#isCancellationRequested()}) and ends CANCELLED if its handler stops.
     *
     * @return the task as it is after the cancel
     * @throws TaskNotFoundException      when no task has this id
     * @throws IllegalTransitionException when the task has already ended
     */
    TaskView cancel(TaskId id);

    /**
     * Enqueues a new PENDING copy (same type, payload, group, priority and max attempts) of a DEAD_LETTER task, linked
     * to it; the dead letter itself stays as it is. A dead letter is requeued once: a second requeue, concurrent or
     * later, makes no new task and returns the first copy's id.
     *
     * @return the new task's id, or the id of the copy an earlier requeue made
     * @throws IllegalTransitionException when the task is not DEAD_LETTER
     */
    TaskId requeue(TaskId deadLetter);
}
