package io.tideflow.queue.config;

import io.tideflow.queue.model.BreakerSettings;
import io.tideflow.queue.model.GroupLimits;

/**
 * What the configuration says of one group.
 *
 * @param breaker the circuit breaker's settings, or {@code null} when the group has none
 * @param weight  the group's share of the dispatcher's claims against other groups with due tasks (1 to 1,000)
 */
public record ConfiguredGroup(GroupLimits limits, BreakerSettings breaker, int weight) {

    /** The weight of a group the configuration does not name, or names without a weight. */
    public static final int DEFAULT_WEIGHT = 1;
}
