package io.tideflow.queue.bootstrap;

import io.tideflow.queue.config.ArchiveSettings;
import io.tideflow.queue.config.ConfiguredTypePolicies;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.GroupSettings;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.config.StartupCheck;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Reads every part of the configuration before anything else of the engine starts ({@code SchemaBootstrap} calls it
 * first), so that a bad key or value fails the deployment with the key and the value named, instead of failing later
 * in a timer.
 */
@ApplicationScoped
public class ConfigurationCheck implements StartupCheck {

    @Inject
    Config config;

    // a @Singleton value: injecting it creates it, and so checks it, now
    @Inject
    EngineSettings settings;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    ConfiguredTypePolicies typePolicies;

    @Override
    public void check() {
        typePolicies.validate(registry.types(), GroupSettings.from(config).keySet());
        ObservabilitySettings.from(config);
        ArchiveSettings.from(config);
    }
}
