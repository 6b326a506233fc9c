package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.BreakerState;
import java.time.Instant;

/**
 * A group's circuit breaker as operators see it.
 *
 * @param failureCount  failures in the current window
 * @param lastFailure   the last failure counted, or {@code null}
 * @param nextAttempt   while OPEN: when probes may start, or {@code null} when an operator holds it open
 */
public record BreakerView(BreakerState state, int failureCount, int calls, Instant lastFailure, Instant nextAttempt) {}
