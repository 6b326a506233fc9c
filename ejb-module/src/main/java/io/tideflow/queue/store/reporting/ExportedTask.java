package io.tideflow.queue.store.reporting;

/**
 * One task as the export writes it; times are epoch milliseconds, {@code payload} and {@code result} JSON text.
 *
 * @param result      null unless the task completed
 * @param executionMs null unless the task completed
 */
public record ExportedTask(
        String id,
        String type,
        String group,
        String state,
        int priority,
        long runAt,
        long createdAt,
        long updatedAt,
        int attempts,
        int maxAttempts,
        String lastError,
        String payload,
        String result,
        Long executionMs) {}
