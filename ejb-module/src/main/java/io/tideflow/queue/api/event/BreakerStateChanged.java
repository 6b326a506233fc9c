package io.tideflow.queue.api.event;

import io.tideflow.queue.api.BreakerState;
import java.time.Instant;

/** A resource group's circuit breaker changed state. */
public record BreakerStateChanged(String group, BreakerState from, BreakerState to, Instant at)
        implements LifecycleEvent {}
