package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/**
 * A task this node holds under a lease. Every later change of the task must present {@link #leaseToken()}; a token
 * that is no longer the task's changes nothing.
 *
 * @param attempt the number of this attempt, starting at 1
 * @param dueAt   when the task became due (its run time or retry time), for the time it waited in the queue
 */
public record ClaimedTask(
        TaskId id,
        String type,
        String group,
        String payloadJson,
        int attempt,
        int maxAttempts,
        String leaseToken,
        Instant leaseExpiresAt,
        Instant dueAt) {}
