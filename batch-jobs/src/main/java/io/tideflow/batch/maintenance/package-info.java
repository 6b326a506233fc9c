/**
 * The housekeeping job {@code tideflow-maintenance}: archive, purge, metric history and export files past retention,
 * started on one node at a time.
 */
package io.tideflow.batch.maintenance;
