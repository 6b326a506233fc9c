package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import java.time.Instant;

/**
 * A snapshot of one task.
 *
 * @param resultJson  the handler's result as JSON text, or {@code null} while the task has none
 * @param executionMs how long the successful attempt ran, or {@code null} until the task completes
 * @param lastError       the error of the last failed attempt, or {@code null}
 * @param cancelRequested whether a cancel was asked for while the task runs
 * @param requeuedFrom    the dead letter this task copies, or {@code null}
 */
public record TaskView(
        TaskId id,
        String type,
        String group,
        TaskState state,
        int priority,
        int attempts,
        int maxAttempts,
        Instant runAt,
        Instant createdAt,
        Instant updatedAt,
        String lastError,
        String payloadJson,
        String resultJson,
        Long executionMs,
        boolean cancelRequested,
        TaskId requeuedFrom) {}
