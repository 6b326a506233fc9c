package io.tideflow.queue.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Meters in a Micrometer registry. On WildFly that is the deployment's application registry, which honours only the
 * registry's short forms ({@code counter(name, tags)}, {@code timer(name, tags)}, {@code gauge(...)},
 * {@code more().counter(...)}): builders, descriptions and histogram settings go through {@code config()}, which it
 * refuses, and end up in a registry nobody exports. So only the short forms are used here, timers publish count, sum
 * and max, and Tideflow publishes its percentiles itself ({@link RecentLatencies}).
 */
public final class MicrometerBackend implements MeterBackend {

    private final MeterRegistry registry;
    private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();
    /** Micrometer keeps only weak references to what a gauge reads: these keep the suppliers alive. */
    private final List<Supplier<Number>> gauged = new CopyOnWriteArrayList<>();

    private final Map<MeterKey, Boolean> registered = new ConcurrentHashMap<>();

    public MicrometerBackend(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The registry the container provides, if it provides one. */
    static Optional<MeterBackend> fromContainer() {
        Instance<MeterRegistry> registries = CDI.current().select(MeterRegistry.class);
        return registries.isResolvable() ? Optional.of(new MicrometerBackend(registries.get())) : Optional.empty();
    }

    @Override
    public void increment(String name, String description, MeterTags tags) {
        counters.computeIfAbsent(new MeterKey(name, tags), key -> registry.counter(name, tagsOf(tags)))
                .increment();
    }

    @Override
    public void record(String name, String description, MeterTags tags, Duration duration) {
        timers.computeIfAbsent(new MeterKey(name, tags), key -> registry.timer(name, tagsOf(tags)))
                .record(duration);
    }

    @Override
    public void gauge(String name, String description, MeterTags tags, Supplier<Number> value) {
        if (registered.putIfAbsent(new MeterKey(name, tags), Boolean.TRUE) == null) {
            Supplier<Number> guarded = Gauges.guarded(value);
            gauged.add(guarded);
            registry.gauge(
                    name, tagsOf(tags), guarded, supplier -> supplier.get().doubleValue());
        }
    }

    @Override
    public void counterOf(String name, String description, MeterTags tags, Supplier<Number> total) {
        if (registered.putIfAbsent(new MeterKey(name, tags), Boolean.TRUE) == null) {
            Supplier<Number> guarded = Gauges.guarded(total);
            gauged.add(guarded);
            registry.more()
                    .counter(
                            name,
                            tagsOf(tags),
                            guarded,
                            supplier -> supplier.get().doubleValue());
        }
    }

    @Override
    public void close() {
        Set<MeterKey> keys = new HashSet<>(registered.keySet());
        keys.addAll(counters.keySet());
        keys.addAll(timers.keySet());
        for (MeterKey key : keys) {
            for (Meter meter :
                    registry.find(key.name()).tags(tagsOf(key.tags())).meters()) {
                registry.remove(meter);
            }
        }
        counters.clear();
        timers.clear();
        registered.clear();
        gauged.clear();
    }

    @Override
    public String library() {
        return "Micrometer";
    }

    private static Iterable<Tag> tagsOf(MeterTags tags) {
        return Tags.of(tags.keyValues().toArray(String[]::new));
    }

    private record MeterKey(String name, MeterTags tags) {}
}
