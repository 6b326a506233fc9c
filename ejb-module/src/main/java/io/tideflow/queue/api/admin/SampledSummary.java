package io.tideflow.queue.api.admin;

/**
 * A sampled figure (a node's resources, a group's use of its limits) over a range: its samples' mean, least and most.
 * Percent figures run from 0 to 100; sizes are bytes.
 */
public record SampledSummary(double mean, double min, double max, long samples) {}
