package io.tideflow.queue.core;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the delay before attempt n+1 is uniform in [0, min(max, base * 2^(n-1))],
 * which spreads retries of tasks that failed together instead of sending them back in one wave.
 */
public final class RetryBackoff {

    private final Duration baseDelay;
    private final Duration maxDelay;
    private final DoubleSupplier random;

    public RetryBackoff(Duration baseDelay, Duration maxDelay, DoubleSupplier random) {
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.random = random;
    }

    /** The upper bound of the delay after the given failed attempt (1-based). */
    public Duration ceilingAfter(int failedAttempt) {
        int doublings = Math.min(Math.max(failedAttempt - 1, 0), 40);
        long ceilingMs = baseDelay.toMillis() * (1L << doublings);
        if (ceilingMs < 0 || ceilingMs > maxDelay.toMillis()) {
            ceilingMs = maxDelay.toMillis();
        }
        return Duration.ofMillis(ceilingMs);
    }

    public Duration delayAfter(int failedAttempt) {
        return Duration.ofMillis((long) (random.getAsDouble() * ceilingAfter(failedAttempt).toMillis()));
    }
}
