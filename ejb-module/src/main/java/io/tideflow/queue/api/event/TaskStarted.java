package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TaskId;
import java.time.Duration;
import java.time.Instant;

/**
 * An attempt began on a node (its claim committed).
 *
 * @param queueWait how long the task waited between becoming due and its attempt starting
 */
public record TaskStarted(
        TaskId id, String type, String group, int attempt, String node, Duration queueWait, Instant at)
        implements TaskLifecycleEvent {}
