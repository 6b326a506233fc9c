package io.tideflow.queue.model;

import java.time.Duration;

/**
 * How long to wait before the next attempt: the ceiling starts at {@code baseDelay}, grows by {@code multiplier}
 * after each failed attempt and stops at {@code maxDelay}; the delay is drawn uniformly below the ceiling.
 */
public record RetryPolicy(Duration baseDelay, double multiplier, Duration maxDelay) {}
