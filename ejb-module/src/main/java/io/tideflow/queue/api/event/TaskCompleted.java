package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TaskId;
import java.time.Duration;
import java.time.Instant;

/** An attempt succeeded and the task is COMPLETED. */
public record TaskCompleted(TaskId id, String type, String group, int attempt, Duration execution, Instant at)
        implements TaskLifecycleEvent {}
