package io.tideflow.queue.model;

import java.time.Duration;

/**
 * A group's circuit breaker settings.
 *
 * @param failureRatio failures per attempt over the rolling window at which the breaker opens (0 < ratio ≤ 1)
 * @param minimumCalls attempts the window must hold before the ratio counts
 * @param window       the rolling window's length
 * @param openDelay    how long the breaker stays OPEN before it lets probes through
 * @param probes       probe tasks let through while HALF_OPEN; all must succeed to close it
 */
public record BreakerSettings(double failureRatio, int minimumCalls, Duration window, Duration openDelay, int probes) {

    public static final BreakerSettings DEFAULTS =
            new BreakerSettings(0.5, 10, Duration.ofMinutes(1), Duration.ofSeconds(30), 3);
}
