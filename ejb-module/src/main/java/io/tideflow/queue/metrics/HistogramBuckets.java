package io.tideflow.queue.metrics;

import java.time.Duration;

/**
 * The bucket bounds of every Tideflow timer, in Prometheus and in the metric history alike: from a millisecond to half
 * an hour, about two and a half per decade, so that p99 is read to within one bucket at any scale.
 */
public final class HistogramBuckets {

    public static final Duration[] BOUNDS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(30)
    };

    private HistogramBuckets() {}
}
