package io.tideflow.queue.api.event;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/** A task was given back without burning its attempt ({@link ErrorClass#DEFERRED}) and is due again at {@code runAt}. */
public record TaskDeferred(TaskId id, String type, String group, Instant runAt, Instant at)
        implements TaskLifecycleEvent {}
