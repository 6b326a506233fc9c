package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/**
 * An attempt ended but its lease token was no longer the task's (it had been rescued or released meanwhile): the
 * store refused the stale token and the attempt's outcome was discarded.
 */
public record TaskLeaseLost(TaskId id, String type, String group, int attempt, Instant at)
        implements TaskLifecycleEvent {}
