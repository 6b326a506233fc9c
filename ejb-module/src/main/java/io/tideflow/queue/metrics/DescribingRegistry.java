package io.tideflow.queue.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where meter builders (with their descriptions, Prometheus' HELP text) reach the exported registry.
 *
 * <p>On WildFly the application gets a per-deployment registry that passes only the short forms
 * ({@code counter(name, tags)} and the like) on to the server's Prometheus registry, adding the tag
 * {@code WF_DEPLOYMENT}. Up to WildFly 39 it does not pass builders on: a meter registered with a description stays in
 * the deployment's own registry, which nobody exports. Later versions override its {@code newCounter} and the like to
 * pass builders on. On those, and on any other registry, builders go to the registry itself; on the older ones they go
 * to the server registry behind it, with the deployment's tag added as the short forms would. When that registry cannot
 * be reached, there is none: the caller keeps to the short forms, without HELP text.
 */
record DescribingRegistry(MeterRegistry registry, Tags extraTags) {

    private static final Logger LOG = Logger.getLogger(DescribingRegistry.class.getName());
    private static final String WILDFLY_APPLICATION_REGISTRY =
            "org.wildfly.extension.micrometer.registry.ApplicationRegistry";

    static Optional<DescribingRegistry> behind(MeterRegistry registry) {
        Class<?> type = registry.getClass();
        if (!type.getName().equals(WILDFLY_APPLICATION_REGISTRY) || passesBuildersOn(type)) {
            return Optional.of(new DescribingRegistry(registry, Tags.empty()));
        }
        try {
            MeterRegistry server = (MeterRegistry) field(type, "parentRegistry").get(registry);
            String deployment = (String) field(type, "deploymentName").get(registry);
            return Optional.of(new DescribingRegistry(server, Tags.of("WF_DEPLOYMENT", deployment)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info(() -> "Tideflow's meters carry no HELP text on this server: its deployment registry passes"
                    + " descriptions on to no exported registry, and the one behind it is out of reach (" + e + ")");
            return Optional.empty();
        }
    }

    private static boolean passesBuildersOn(Class<?> type) {
        try {
            type.getDeclaredMethod("newCounter", Meter.Id.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
