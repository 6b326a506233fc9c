/**
 * The values and state machines that the engine, the configuration and the store share: the task transition table,
 * the circuit breaker, group limits, retry policies and decisions. Pure values: no persistence, no server.
 */
package io.tideflow.queue.model;
