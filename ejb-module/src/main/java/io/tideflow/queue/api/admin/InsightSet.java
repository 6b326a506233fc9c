package io.tideflow.queue.api.admin;

import java.time.Instant;
import java.util.List;

/**
 * The newest analysis: when it ran and what it found, most severe first.
 *
 * @param computedAt when the analysis ran, or null before the first one
 */
public record InsightSet(Instant computedAt, List<Insight> insights) {}
