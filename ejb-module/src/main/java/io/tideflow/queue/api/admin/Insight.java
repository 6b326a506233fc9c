package io.tideflow.queue.api.admin;

/**
 * One finding of the performance analyzer, in a plain sentence.
 *
 * @param kind     {@code SLOWER_THAN_BASELINE}, {@code SLOWEST_TYPE}, {@code MOST_RETRIED}, {@code GROUP_SATURATED},
 *                 {@code NODE_SHORT} (docs/observability.md)
 * @param group    the resource group it is about, or null
 * @param type     the task type it is about, or null
 * @param node     the node it is about, or null
 * @param observed the figure found (milliseconds, a ratio or percent, as the message says)
 * @param baseline what the figure usually is, or null when the finding compares with nothing
 */
public record Insight(
        String kind,
        InsightSeverity severity,
        String group,
        String type,
        String node,
        double observed,
        Double baseline,
        String message) {}
