package io.tideflow.queue.api.admin;

/** Durations over a time range: how many, and their percentiles and maximum in milliseconds. */
public record LatencySummary(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {}
