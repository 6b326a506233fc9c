package io.tideflow.queue.api.admin;

import java.time.Instant;

/**
 * A task a batch execution claimed, with its state now.
 *
 * @param claims how often the execution claimed it (more than once when a rolled-back chunk gave it back)
 */
public record BatchTaskView(
        String taskId, String type, String state, int attempts, int claims, Instant firstClaimedAt) {}
