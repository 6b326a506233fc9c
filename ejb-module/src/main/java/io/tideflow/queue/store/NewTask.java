package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/**
 * A task ready to be persisted: every field decided, nothing left to a default.
 *
 * @param requeuedFrom the dead letter this task copies, or {@code null}
 */
public record NewTask(
        TaskId id,
        String type,
        String group,
        int priority,
        String payloadJson,
        int maxAttempts,
        Instant runAt,
        Instant createdAt,
        String idempotencyKey,
        TaskId requeuedFrom) {}
