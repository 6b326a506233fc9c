/**
 * A circuit breaker per resource group: the outcomes that feed it and the transactions that change its shared state.
 */
package io.tideflow.queue.groups.breaker;
