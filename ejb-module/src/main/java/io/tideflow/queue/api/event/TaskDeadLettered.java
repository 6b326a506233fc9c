package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/** A task has no attempt left (or failed validation) and is DEAD_LETTER. */
public record TaskDeadLettered(TaskId id, String type, String group, int attempts, Instant at)
        implements TaskLifecycleEvent {}
