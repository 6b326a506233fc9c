/**
 * The dispatcher: claims due tasks within group limits and breakers, in batches, and hands them to workers on the
 * managed executor; wake-ups from this node and, on PostgreSQL, from the others.
 */
package io.tideflow.queue.dispatch;
