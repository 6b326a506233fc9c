/**
 * Metric history: per-minute figures of each group counted from committed events, written in batches, rolled up per
 * hour by one node at a time, kept for a retention per resolution, and summarised for any time range.
 */
package io.tideflow.queue.history;
