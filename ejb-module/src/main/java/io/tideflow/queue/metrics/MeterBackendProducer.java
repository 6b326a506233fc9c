package io.tideflow.queue.metrics;

import io.tideflow.queue.config.ConfiguredGroups;
import io.tideflow.queue.config.InvalidSettingException;
import io.tideflow.queue.config.ObservabilitySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Chooses the metrics library at deployment, by what the server provides: Micrometer where there is a Micrometer
 * registry (WildFly 28 and later), else MicroProfile Metrics (Payara), else none. {@code tideflow.metrics.library}
 * ({@code auto}, {@code micrometer}, {@code microprofile}, {@code none}) forces one. The libraries' classes are only
 * touched once they are known to be there, so a server without one of them loads Tideflow all the same.
 */
@ApplicationScoped
public class MeterBackendProducer {

    private static final Logger LOG = Logger.getLogger(MeterBackendProducer.class.getName());
    static final String KEY = "tideflow.metrics.library";

    @Inject
    ObservabilitySettings settings;

    @Inject
    ConfiguredGroups configuredGroups;

    @Produces
    @jakarta.inject.Singleton
    GroupTagBudget groupTags() {
        return new GroupTagBudget(settings.maxMeteredGroups(), configuredGroups.names());
    }

    @Produces
    @ApplicationScoped
    MeterBackend backend() {
        String wanted = settings.metricsLibrary();
        MeterBackend chosen = switch (wanted) {
            case "micrometer" ->
                required(wanted, "io.micrometer.core.instrument.MeterRegistry", MicrometerBackend::fromContainer);
            case "microprofile" ->
                required(wanted, "org.eclipse.microprofile.metrics.MetricRegistry", MicroProfileBackend::fromContainer);
            case "none" -> new NoMeterBackend();
            default ->
                available("io.micrometer.core.instrument.MeterRegistry", MicrometerBackend::fromContainer)
                        .or(() -> available(
                                "org.eclipse.microprofile.metrics.MetricRegistry", MicroProfileBackend::fromContainer))
                        .orElseGet(NoMeterBackend::new);
        };
        LOG.info(() -> "Tideflow metrics through " + chosen.library());
        return chosen;
    }

    void close(@Disposes MeterBackend backend) {
        backend.close();
    }

    private static MeterBackend required(String wanted, String registryClass, Supplier<Optional<MeterBackend>> lookup) {
        return available(registryClass, lookup)
                .orElseThrow(() -> new InvalidSettingException(
                        KEY, wanted, "the server provides no " + registryClass + " to this deployment"));
    }

    private static Optional<MeterBackend> available(String registryClass, Supplier<Optional<MeterBackend>> lookup) {
        try {
            Class.forName(registryClass, false, MeterBackendProducer.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
        return lookup.get();
    }
}
