package io.tideflow.queue.api.event;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.TaskId;
import java.time.Duration;
import java.time.Instant;

/**
 * An attempt failed and was recorded; a {@link TaskRetryScheduled}, {@link TaskDeadLettered} or {@link TaskDeferred}
 * follows with what became of the task.
 *
 * @param error the error's class and message
 */
public record TaskFailed(
        TaskId id,
        String type,
        String group,
        int attempt,
        ErrorClass errorClass,
        String error,
        Duration execution,
        Instant at)
        implements TaskLifecycleEvent {}
