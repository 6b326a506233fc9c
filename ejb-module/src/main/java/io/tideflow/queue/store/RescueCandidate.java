package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/** A RUNNING task whose lease may be taken back, as the rescuer read it. */
public record RescueCandidate(
        TaskId id,
        String type,
        String group,
        String owner,
        String leaseToken,
        Instant leaseExpiresAt,
        int attempts,
        int maxAttempts) {}
