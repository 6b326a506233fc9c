/**
 * The Jakarta Batch executions Tideflow starts, as operators see them: Tideflow's records (job, type, group, node,
 * tasks) joined with the batch runtime's status and step counts; restart and stop, checked against the status first.
 */
package io.tideflow.batch.executions;
