/**
 * The engine's housekeeping as the batch jobs see it: archiving and the deletes past retention, handed over to the
 * {@code tideflow-maintenance} job where the batch jobs are deployed, and which node runs it.
 */
package io.tideflow.queue.maintenance;
