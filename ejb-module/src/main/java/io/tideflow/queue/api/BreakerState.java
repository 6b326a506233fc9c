package io.tideflow.queue.api;

/** The states of a resource group's circuit breaker. */
public enum BreakerState {
    /** Tasks of the group are claimed normally; failures are counted over a rolling window. */
    CLOSED,
    /** Too many failures: no task of the group is claimed until the open delay has passed. */
    OPEN,
    /** The delay has passed: a few probe tasks are let through; their outcome closes or reopens the breaker. */
    HALF_OPEN
}
