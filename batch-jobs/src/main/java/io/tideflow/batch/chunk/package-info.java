/**
 * The {@code tideflow-chunks} job: due tasks of a batchable type ({@link io.tideflow.queue.api.BatchTaskHandler})
 * and one resource group, claimed, run and completed a chunk at a time, and the launcher that starts one execution per
 * type and group with due tasks.
 */
package io.tideflow.batch.chunk;
