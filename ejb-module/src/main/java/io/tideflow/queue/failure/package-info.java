/**
 * What happens when an attempt fails: the error class of the failure, the retry-or-dead-letter decision, and the
 * transaction that records it after the handler's own rolled back.
 */
package io.tideflow.queue.failure;
