package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import java.time.Instant;

/** A finished task (COMPLETED or CANCELLED, as {@code from} says) was moved to ARCHIVED by the archiver. */
public record TaskArchived(TaskId id, String type, String group, TaskState from, Instant at)
        implements TaskLifecycleEvent {}
