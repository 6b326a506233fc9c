/**
 * The housekeeping job {@code tideflow-maintenance}: archive, purge, metric history, export files and batch executions
 * past retention, started on one node at a time.
 */
package io.tideflow.batch.maintenance;
