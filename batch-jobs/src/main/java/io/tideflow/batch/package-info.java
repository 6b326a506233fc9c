/**
 * Jakarta Batch jobs that work through the engine's api, one package per job next to its
 * {@code META-INF/batch-jobs/<job>.xml}: {@code chunk} runs batchable task types in chunks, {@code export} writes an
 * export to a file, {@code maintenance} does the housekeeping; {@code executions} lists, stops and restarts them, and
 * {@code module} holds what their launchers share.
 */
package io.tideflow.batch;
