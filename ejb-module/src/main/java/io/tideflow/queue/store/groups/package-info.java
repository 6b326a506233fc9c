/**
 * The store of resource groups and their circuit breakers: limits, pause, token buckets and the breaker rows, each
 * changed under its row lock.
 */
package io.tideflow.queue.store.groups;
