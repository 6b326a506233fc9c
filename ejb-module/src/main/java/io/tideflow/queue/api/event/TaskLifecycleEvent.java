package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TaskId;

/** A lifecycle event of one task. */
public sealed interface TaskLifecycleEvent extends LifecycleEvent
        permits TaskEnqueued,
                TaskStarted,
                TaskCompleted,
                TaskFailed,
                TaskRetryScheduled,
                TaskDeadLettered,
                TaskDeferred,
                TaskCancelled,
                TaskLeaseRescued,
                TaskLeaseLost,
                TaskArchived {

    TaskId id();

    String type();

    String group();
}
