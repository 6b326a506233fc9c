package io.tideflow.queue.api.admin;

import java.time.Instant;

/**
 * One minute or hour of one figure of a group. For a duration figure ({@code wait}, {@code run}) {@code value} is
 * how many durations, and {@code latency} their percentiles; otherwise {@code latency} is null.
 */
public record MetricPoint(Instant at, double value, LatencySummary latency) {}
