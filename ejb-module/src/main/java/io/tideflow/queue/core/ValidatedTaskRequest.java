package io.tideflow.queue.core;

import java.time.Instant;

/**
 * A request that passed validation. Group and priority may still be {@code null}: the enqueue flow fills them in from
 * the type's defaults in their own steps.
 */
public record ValidatedTaskRequest(String type, String payloadJson, String group, Integer priority, int maxAttempts,
                                   Instant runAt, String idempotencyKey) {
}
