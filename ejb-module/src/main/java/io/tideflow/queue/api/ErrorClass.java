package io.tideflow.queue.api;

/**
 * How a failed attempt is treated, after the design's error table. The engine classifies every failure (see
 * {@link ClassifiedAs} for mapping your own exception types); the class decides the task's next step and whether the
 * failure counts against its resource group's circuit breaker.
 */
public enum ErrorClass {
    /** The task itself is wrong (bad payload, failed validation): DEAD_LETTER at once, no retry. */
    VALIDATION,
    /** The downstream system did not answer (network, timeout): retried with backoff; counts against the breaker. */
    TRANSIENT,
    /**
     * A database failed: counts against the breaker and is retried after the breaker's open delay when the group has
     * a breaker, else with backoff.
     */
    DATABASE,
    /** The handler decided: retried when it said ({@link RetryTaskAt}); does not count against the breaker. */
    BUSINESS,
    /**
     * Unexpected (a bug: null pointer, illegal state, an {@link Error}): retried with backoff, logged at SEVERE with
     * the task id and raised as a {@link io.tideflow.queue.api.event.TaskEscalated} event; does not count against the breaker.
     */
    SYSTEM,
    /**
     * The handler's own protection refused the call (MicroProfile Fault Tolerance's open circuit breaker or full
     * bulkhead): the task is given back without burning an attempt and tried again after the type's base delay.
     */
    DEFERRED;

    /** Whether a failure of this class counts against its group's circuit breaker: only the downstream system's. */
    public boolean countsAgainstBreaker() {
        return this == TRANSIENT || this == DATABASE;
    }
}
