/**
 * The enqueue flow: validate a request, assign its id, resolve its group and defaults, persist it in the caller's
 * transaction, publish and wake the dispatchers after the commit.
 */
package io.tideflow.queue.enqueue;
