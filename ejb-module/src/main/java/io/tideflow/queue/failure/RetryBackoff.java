package io.tideflow.queue.failure;

import io.tideflow.queue.model.RetryPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the delay after failed attempt n is uniform in
 * [0, min(max, base * multiplier^(n-1))], which spreads retries of tasks that failed together instead of sending
 * them back in one wave.
 */
public final class RetryBackoff {

    private final DoubleSupplier random;

    public RetryBackoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The upper bound of the delay after the given failed attempt (1-based). */
    public static Duration ceilingAfter(RetryPolicy policy, int failedAttempt) {
        double growth = Math.pow(policy.multiplier(), Math.max(failedAttempt - 1, 0));
        double ceilingMs = policy.baseDelay().toMillis() * growth;
        long maxMs = policy.maxDelay().toMillis();
        return Duration.ofMillis(Double.isFinite(ceilingMs) && ceilingMs < maxMs ? (long) ceilingMs : maxMs);
    }

    public Duration delayAfter(RetryPolicy policy, int failedAttempt) {
        return Duration.ofMillis((long)
                (random.getAsDouble() * ceilingAfter(policy, failedAttempt).toMillis()));
    }
}
