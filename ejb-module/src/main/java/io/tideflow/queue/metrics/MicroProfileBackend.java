package io.tideflow.queue.metrics;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Meters in the application's MicroProfile Metrics registry (Payara and other MicroProfile servers, at
 * {@code /metrics}). MicroProfile Metrics has no counter read from elsewhere: such totals become gauges.
 */
public final class MicroProfileBackend implements MeterBackend {

    private final MetricRegistry registry;

    public MicroProfileBackend(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The registry the container provides, if it provides one. */
    static Optional<MeterBackend> fromContainer() {
        Instance<MetricRegistry> registries = CDI.current().select(MetricRegistry.class);
        return registries.isResolvable() ? Optional.of(new MicroProfileBackend(registries.get())) : Optional.empty();
    }

    @Override
    public void increment(String name, String description, MeterTags tags) {
        registry.counter(metadata(name, description, MetricUnits.NONE), array(tags)).inc();
    }

    @Override
    public void record(String name, String description, MeterTags tags, Duration duration) {
        registry.timer(metadata(name, description, MetricUnits.SECONDS), array(tags)).update(duration);
    }

    @Override
    public void gauge(String name, String description, MeterTags tags, Supplier<Number> value) {
        registry.gauge(metadata(name, description, MetricUnits.NONE), value, array(tags));
    }

    @Override
    public void counterOf(String name, String description, MeterTags tags, Supplier<Number> total) {
        gauge(name, description, tags, total);
    }

    @Override
    public String library() {
        return "MicroProfile Metrics";
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }

    private static Tag[] array(MeterTags tags) {
        List<Tag> result = new ArrayList<>();
        List<String> kv = tags.keyValues();
        for (int i = 0; i < kv.size(); i += 2) {
            result.add(new Tag(kv.get(i), kv.get(i + 1)));
        }
        return result.toArray(Tag[]::new);
    }
}
