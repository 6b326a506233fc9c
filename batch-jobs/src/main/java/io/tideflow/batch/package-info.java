/**
 * Jakarta Batch jobs that work through the engine's worker API, one package per job next to its
 * {@code META-INF/batch-jobs/<job>.xml}: {@code chunk} runs batchable task types in chunks.
 */
package io.tideflow.batch;
