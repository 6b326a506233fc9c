package io.tideflow.queue.api.admin;

/**
 * What a restore of a metric history backup wrote.
 *
 * @param skippedPastRetention lines left out because the retention would delete them now
 */
public record RestoreCounts(long hours, long insights, long skippedPastRetention) {}
