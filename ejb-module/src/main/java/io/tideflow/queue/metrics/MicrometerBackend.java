package io.tideflow.queue.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
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
 * Meters in a Micrometer registry, registered with builders so that each carries its description (Prometheus' HELP
 * text), in the registry that exports them ({@link DescribingRegistry}). Where no such registry can be reached (an old
 * WildFly's deployment registry, sealed), the registry's short forms are used instead ({@code counter(name, tags)} and
 * the like), which every registry honours, without descriptions. Either way timers publish count, sum and max, and
 * Tideflow publishes its percentiles itself ({@link RecentLatencies}).
 */
public final class MicrometerBackend implements MeterBackend {

    private final MeterRegistry registry;
    /** Where builders reach the exported registry, or null: short forms on {@link #registry} then. */
    private final DescribingRegistry described;

    private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();
    /** Micrometer keeps only weak references to what a gauge reads: these keep the suppliers alive. */
    private final List<Supplier<Number>> gauged = new CopyOnWriteArrayList<>();

    private final Map<MeterKey, Boolean> registered = new ConcurrentHashMap<>();

    public MicrometerBackend(MeterRegistry registry) {
        this.registry = registry;
        this.described = DescribingRegistry.behind(registry).orElse(null);
    }

    /** The registry the container provides, if it provides one. */
    static Optional<MeterBackend> fromContainer() {
        Instance<MeterRegistry> registries = CDI.current().select(MeterRegistry.class);
        return registries.isResolvable() ? Optional.of(new MicrometerBackend(registries.get())) : Optional.empty();
    }

    @Override
    public void increment(String name, String description, MeterTags tags) {
        counters.computeIfAbsent(
                        new MeterKey(name, tags),
                        key -> described == null
                                ? registry.counter(name, tagsOf(tags))
                                : Counter.builder(name)
                                        .description(description)
                                        .tags(describedTags(tags))
                                        .register(described.registry()))
                .increment();
    }

    @Override
    public void record(String name, String description, MeterTags tags, Duration duration) {
        timers.computeIfAbsent(
                        new MeterKey(name, tags),
                        key -> described == null
                                ? registry.timer(name, tagsOf(tags))
                                : Timer.builder(name)
                                        .description(description)
                                        .tags(describedTags(tags))
                                        .register(described.registry()))
                .record(duration);
    }

    @Override
    public void gauge(String name, String description, MeterTags tags, Supplier<Number> value) {
        if (registered.putIfAbsent(new MeterKey(name, tags), Boolean.TRUE) != null) {
            return;
        }
        Supplier<Number> guarded = Gauges.guarded(value);
        gauged.add(guarded);
        if (described == null) {
            registry.gauge(
                    name, tagsOf(tags), guarded, supplier -> supplier.get().doubleValue());
        } else {
            Gauge.builder(name, guarded, supplier -> supplier.get().doubleValue())
                    .description(description)
                    .tags(describedTags(tags))
                    .register(described.registry());
        }
    }

    @Override
    public void counterOf(String name, String description, MeterTags tags, Supplier<Number> total) {
        if (registered.putIfAbsent(new MeterKey(name, tags), Boolean.TRUE) != null) {
            return;
        }
        Supplier<Number> guarded = Gauges.guarded(total);
        gauged.add(guarded);
        if (described == null) {
            registry.more()
                    .counter(
                            name,
                            tagsOf(tags),
                            guarded,
                            supplier -> supplier.get().doubleValue());
        } else {
            FunctionCounter.builder(name, guarded, supplier -> supplier.get().doubleValue())
                    .description(description)
                    .tags(describedTags(tags))
                    .register(described.registry());
        }
    }

    @Override
    public void close() {
        Set<MeterKey> keys = new HashSet<>(registered.keySet());
        keys.addAll(counters.keySet());
        keys.addAll(timers.keySet());
        MeterRegistry holder = described == null ? registry : described.registry();
        for (MeterKey key : keys) {
            Iterable<Tag> tags = described == null ? tagsOf(key.tags()) : describedTags(key.tags());
            for (Meter meter : holder.find(key.name()).tags(tags).meters()) {
                holder.remove(meter);
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

    private static Tags tagsOf(MeterTags tags) {
        return Tags.of(tags.keyValues().toArray(String[]::new));
    }

    private Tags describedTags(MeterTags tags) {
        return tagsOf(tags).and(described.extraTags());
    }

    private record MeterKey(String name, MeterTags tags) {}
}
