package io.tideflow.queue.api.admin;

import java.util.Map;

/**
 * One node's sampled resources over a range, by figure name ({@code node.cpu.process}, {@code node.heap.used},
 * {@code node.pool.use}, {@code node.workers.use}, ...; docs/observability.md lists them).
 */
public record NodeFigures(String node, Map<String, SampledSummary> figures) {}
