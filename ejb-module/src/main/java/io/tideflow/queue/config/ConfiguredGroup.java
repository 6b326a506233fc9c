package io.tideflow.queue.config;

import io.tideflow.queue.model.BreakerSettings;
import io.tideflow.queue.model.GroupLimits;

/**
 * What the configuration says of one group.
 *
 * @param breaker the circuit breaker's settings, or {@code null} when the group has none
 */
public record ConfiguredGroup(GroupLimits limits, BreakerSettings breaker) {}
