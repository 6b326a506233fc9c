package io.tideflow.queue.api.event;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.TaskId;

/**
 * Fired (CDI, after the failure is recorded) when an attempt failed with an unexpected error
 * ({@link ErrorClass#SYSTEM}): observe it to page someone.
 *
 * @param error the error's class, message and the top of its stack trace
 */
public record TaskEscalated(TaskId id, String type, String group, int attempt, String error) {}
