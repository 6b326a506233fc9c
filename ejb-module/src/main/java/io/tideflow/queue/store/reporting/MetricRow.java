package io.tideflow.queue.store.reporting;

/**
 * One row of the {@code metrics} table: a figure of one resource group (or, group {@code *}, of a node) over one
 * minute or hour.
 *
 * @param ts       the start of the minute or hour, epoch milliseconds
 * @param node     the node that counted it (a minute row, and an hour of a node's sampled figures), or {@code *} for an
 *                 hour rolled up from every node's counts
 * @param value    a count (for a duration metric: how many durations; for a sampled figure: the samples' mean)
 * @param metadata for a duration metric, its histogram as JSON; for a sampled figure its samples, least and most;
 *                 otherwise null
 * @param writer   the node start that wrote a minute row and rewrites it while the minute is open; null for hours
 * @param type     the task type of a per-type figure ({@code type.*}); null for a group's or a node's own
 */
public record MetricRow(
        long ts,
        Resolution resolution,
        String group,
        String metricType,
        String node,
        double value,
        String metadata,
        String writer,
        String type) {

    public MetricRow(
            long ts,
            Resolution resolution,
            String group,
            String metricType,
            String node,
            double value,
            String metadata) {
        this(ts, resolution, group, metricType, node, value, metadata, null, null);
    }

    public MetricRow(
            long ts,
            Resolution resolution,
            String group,
            String metricType,
            String node,
            double value,
            String metadata,
            String writer) {
        this(ts, resolution, group, metricType, node, value, metadata, writer, null);
    }

    /** How much time one row covers. */
    public enum Resolution {
        MINUTE(60_000L),
        HOUR(3_600_000L);

        private final long millis;

        Resolution(long millis) {
            this.millis = millis;
        }

        public long millis() {
            return millis;
        }

        /** The start of the minute or hour {@code epochMillis} falls in. */
        public long floor(long epochMillis) {
            return Math.floorDiv(epochMillis, millis) * millis;
        }
    }
}
