package io.tideflow.queue.api.admin;

/**
 * What a bulk action did.
 *
 * @param changed tasks cancelled (or asked to stop), or dead letters requeued
 * @param skipped tasks the filter selected that had moved on meanwhile (finished, cancelled, requeued already)
 * @param truncated whether more tasks matched than one action takes ({@link BulkTaskActions#MAX_TASKS})
 */
public record BulkOutcome(long changed, long skipped, boolean truncated) {}
