/**
 * Jakarta Batch jobs that work through the engine's API, one package per job next to its
 * {@code META-INF/batch-jobs/<job>.xml}. No job ships yet: the first arrives with the batch issue.
 */
package io.tideflow.batch;
