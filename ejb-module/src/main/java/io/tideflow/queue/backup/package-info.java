/**
 * Backups of the metric history's hours and the performance insights to NDJSON files, written on a timer by one node,
 * and their restore into a database (a fresh one, or the same one) in one transaction.
 */
package io.tideflow.queue.backup;
