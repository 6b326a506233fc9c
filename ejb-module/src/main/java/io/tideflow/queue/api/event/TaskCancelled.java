package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/** A task ended CANCELLED: before it ran, while it waited for a retry, or by stopping on a cancel request. */
public record TaskCancelled(TaskId id, String type, String group, Instant at) implements TaskLifecycleEvent {}
