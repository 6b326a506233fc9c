package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/** A failed task will be PENDING again at {@code retryAt}; {@code attempt} is the attempt that failed. */
public record TaskRetryScheduled(TaskId id, String type, String group, int attempt, Instant retryAt, Instant at)
        implements TaskLifecycleEvent {}
