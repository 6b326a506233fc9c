package io.tideflow.queue.api.worker;

import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/**
 * A task claimed under a lease, by the dispatcher or through {@link TaskWorker#claim}. Only the holder of {@link
 * #leaseToken()} can complete, fail or give it back; once the lease has run out another node may rescue it, and every
 * later call with this token changes nothing.
 *
 * @param attempt        this attempt's number, from 1
 * @param leaseExpiresAt when the lease ends unless it is extended ({@link TaskWorker#extendLeases})
 * @param dueAt          when the task was due: the start of its wait in the queue
 */
public record LeasedTask(
        TaskId id,
        String type,
        String group,
        String payloadJson,
        int attempt,
        int maxAttempts,
        String leaseToken,
        Instant leaseExpiresAt,
        Instant dueAt) {}
