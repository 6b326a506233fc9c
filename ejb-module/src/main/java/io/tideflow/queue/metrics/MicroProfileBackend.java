package io.tideflow.queue.metrics;

import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Meters in the application's MicroProfile Metrics registry (Payara and other MicroProfile servers, at
 * {@code /metrics}). MicroProfile Metrics has no counter read from elsewhere: such totals become gauges.
 */
public final class MicroProfileBackend implements MeterBackend {

    private final MetricRegistry registry;
    private final Set<MetricID> registered = ConcurrentHashMap.newKeySet();

    public MicroProfileBackend(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * The application registry the container provides, if it provides one. Looked up through an injection point
     * made from a field, not with {@code CDI.current().select(..)}: Payara's registry producer reads the injection
     * point's annotations (for {@code @RegistryScope}), and a programmatic lookup has none.
     */
    static Optional<MeterBackend> fromContainer() {
        BeanManager beans = CDI.current().getBeanManager();
        AnnotatedField<? super RegistryField> field = beans.createAnnotatedType(RegistryField.class)
                .getFields()
                .iterator()
                .next();
        InjectionPoint point = beans.createInjectionPoint(field);
        if (beans.getBeans(MetricRegistry.class).isEmpty()) {
            return Optional.empty();
        }
        MetricRegistry registry =
                (MetricRegistry) beans.getInjectableReference(point, beans.createCreationalContext(null));
        return Optional.of(new MicroProfileBackend(registry));
    }

    /** Only a template for the injection point above: never a bean. */
    static final class RegistryField {
        @Inject
        MetricRegistry registry;
    }

    @Override
    public void increment(String name, String description, MeterTags tags) {
        registered.add(new MetricID(name, array(tags)));
        registry.counter(metadata(name, description, MetricUnits.NONE), array(tags))
                .inc();
    }

    @Override
    public void record(String name, String description, MeterTags tags, Duration duration) {
        // the timer keeps nanoseconds; declared so, the exporter names it _seconds and converts
        registered.add(new MetricID(name, array(tags)));
        registry.timer(metadata(name, description, MetricUnits.NANOSECONDS), array(tags))
                .update(duration);
    }

    @Override
    public void gauge(String name, String description, MeterTags tags, Supplier<Number> value) {
        registered.add(new MetricID(name, array(tags)));
        registry.gauge(metadata(name, description, MetricUnits.NONE), Gauges.guarded(value), array(tags));
    }

    @Override
    public void counterOf(String name, String description, MeterTags tags, Supplier<Number> total) {
        gauge(name, description, tags, total);
    }

    @Override
    public void close() {
        registered.forEach(registry::remove);
        registered.clear();
    }

    @Override
    public String library() {
        return "MicroProfile Metrics";
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder()
                .withName(name)
                .withDescription(description)
                .withUnit(unit)
                .build();
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
