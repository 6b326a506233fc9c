package io.tideflow.queue.api.admin;

import java.time.Instant;
import java.util.List;

/**
 * The figures of every group (or of one) over {@code [from, to)}, from the metric history, and each node's sampled
 * resources over the same range.
 */
public record MetricsSummary(Instant from, Instant to, List<GroupMetrics> groups, List<NodeFigures> nodes) {}
