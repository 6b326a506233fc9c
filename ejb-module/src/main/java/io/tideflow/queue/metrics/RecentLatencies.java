package io.tideflow.queue.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * The durations of the last few minutes as one histogram per minute, in a ring: percentiles of "now" that move with
 * the traffic rather than with everything since the server started. Thread-safe; written by the event thread, read by
 * metric scrapes.
 */
public final class RecentLatencies {

    private final LatencyHistogram[] minutes;
    private final long[] minuteOf;

    /** @param window how far back the percentiles look, in whole minutes (at least one) */
    public RecentLatencies(Duration window) {
        int size = (int) Math.max(1, window.toMinutes());
        this.minutes = new LatencyHistogram[size];
        this.minuteOf = new long[size];
        for (int i = 0; i < size; i++) {
            minutes[i] = new LatencyHistogram();
            minuteOf[i] = Long.MIN_VALUE;
        }
    }

    public synchronized void record(Duration duration, Instant at) {
        slotFor(at.getEpochSecond() / 60).record(duration.toNanos() / 1_000_000.0);
    }

    /** The quantile (0 to 1) over the window ending at {@code now}, in seconds; 0 when nothing was recorded. */
    public synchronized double percentileSeconds(double quantile, Instant now) {
        long current = now.getEpochSecond() / 60;
        LatencyHistogram window = new LatencyHistogram();
        for (int i = 0; i < minutes.length; i++) {
            if (minuteOf[i] > current - minutes.length && minuteOf[i] <= current) {
                window.add(minutes[i]);
            }
        }
        return window.percentileMs(quantile) / 1000.0;
    }

    private LatencyHistogram slotFor(long minute) {
        int slot = (int) Math.floorMod(minute, minutes.length);
        if (minuteOf[slot] != minute) {
            minutes[slot] = new LatencyHistogram();
            minuteOf[slot] = minute;
        }
        return minutes[slot];
    }
}
