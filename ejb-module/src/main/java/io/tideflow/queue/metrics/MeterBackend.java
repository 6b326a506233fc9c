package io.tideflow.queue.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the engine needs of a metrics library, so that the same meters appear through whichever the server provides:
 * Micrometer (WildFly 28 and later) or MicroProfile Metrics (Payara and other MicroProfile servers). Names are dotted
 * ({@code tideflow.tasks.completed}); each library renders them for Prometheus its own way (underscores, a
 * {@code _total} suffix on counters, timers in seconds).
 */
public interface MeterBackend {

    /** Adds one to a counter. */
    void increment(String name, String description, MeterTags tags);

    /**
     * Records one duration in a timer (count, sum and maximum; percentiles are Tideflow's own, see
     * {@link RecentLatencies}).
     */
    void record(String name, String description, MeterTags tags, Duration duration);

    /** Registers a gauge read from {@code value} whenever the metrics are scraped; registering it again is harmless. */
    void gauge(String name, String description, MeterTags tags, Supplier<Number> value);

    /** Registers a counter whose total is kept elsewhere and read from {@code total} when scraped. */
    void counterOf(String name, String description, MeterTags tags, Supplier<Number> total);

    /**
     * Removes every meter this backend registered: at undeploy, so that the server's registry, which outlives the
     * deployment, never calls into a deployment that is gone.
     */
    void close();

    /** Which library this is, for the log. */
    String library();
}
