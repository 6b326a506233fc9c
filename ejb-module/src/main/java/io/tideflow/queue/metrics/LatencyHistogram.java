package io.tideflow.queue.metrics;

import java.util.Arrays;

/**
 * Durations counted in the fixed {@link HistogramBuckets} (plus one bucket above the last bound), with their count,
 * sum and maximum. Histograms of different times and nodes merge by adding, which is what lets the metric history
 * roll minutes up into hours and answer p50/p95/p99 for any time range. Not thread-safe.
 */
public final class LatencyHistogram {

    static final long[] BOUNDS_MS =
            Arrays.stream(HistogramBuckets.BOUNDS).mapToLong(d -> d.toMillis()).toArray();

    private final long[] counts;
    private long count;
    private double sumMs;
    private double maxMs;

    public LatencyHistogram() {
        this.counts = new long[BOUNDS_MS.length + 1];
    }

    /** A histogram from stored parts; {@code counts} has one entry per bound plus one. */
    public static LatencyHistogram of(long[] counts, double sumMs, double maxMs) {
        if (counts.length != BOUNDS_MS.length + 1) {
            throw new IllegalArgumentException(
                    "a histogram has " + (BOUNDS_MS.length + 1) + " buckets, got " + counts.length);
        }
        LatencyHistogram histogram = new LatencyHistogram();
        System.arraycopy(counts, 0, histogram.counts, 0, counts.length);
        histogram.count = Arrays.stream(counts).sum();
        histogram.sumMs = sumMs;
        histogram.maxMs = maxMs;
        return histogram;
    }

    public void record(double millis) {
        double ms = Math.max(0, millis);
        int bucket = Arrays.binarySearch(BOUNDS_MS, (long) Math.ceil(ms));
        counts[bucket >= 0 ? bucket : -bucket - 1]++;
        count++;
        sumMs += ms;
        maxMs = Math.max(maxMs, ms);
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sumMs += other.sumMs;
        maxMs = Math.max(maxMs, other.maxMs);
    }

    /**
     * The {@code quantile} (0 to 1) in milliseconds, interpolated linearly inside the bucket where it falls (the
     * bucket's upper end is the maximum seen when that is lower, and the top bucket ends at the maximum); 0 when
     * empty.
     */
    public double percentileMs(double quantile) {
        if (count == 0) {
            return 0;
        }
        double rank = quantile * count;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            if (below + counts[i] >= rank) {
                double lower = i == 0 ? 0 : BOUNDS_MS[i - 1];
                double upper = i < BOUNDS_MS.length ? Math.min(BOUNDS_MS[i], maxMs) : maxMs;
                lower = Math.min(lower, upper);
                double within = (rank - below) / counts[i];
                return lower + (upper - lower) * Math.max(0, Math.min(1, within));
            }
            below += counts[i];
        }
        return maxMs;
    }

    public long count() {
        return count;
    }

    public double sumMs() {
        return sumMs;
    }

    public double maxMs() {
        return maxMs;
    }

    public long[] counts() {
        return counts.clone();
    }
}
