package io.tideflow.queue.enqueue;

import java.time.Instant;

/**
 * A request that passed validation. Group, priority and max attempts may still be {@code null}: the enqueue flow fills
 * them in from the type's defaults in their own steps.
 */
public record ValidatedTaskRequest(
        String type,
        String payloadJson,
        String group,
        Integer priority,
        Integer maxAttempts,
        Instant runAt,
        String idempotencyKey) {}
