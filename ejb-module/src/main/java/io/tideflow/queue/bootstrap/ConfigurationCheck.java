package io.tideflow.queue.bootstrap;

import io.tideflow.queue.config.ArchiveSettings;
import io.tideflow.queue.config.ConfiguredGroups;
import io.tideflow.queue.config.ConfiguredTypePolicies;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.config.StartupCheck;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads every part of the configuration before anything else of the engine starts ({@code SchemaBootstrap} calls it
 * first), so that a bad key or value fails the deployment with the key and the value named, instead of failing later
 * in a timer.
 */
@ApplicationScoped
public class ConfigurationCheck implements StartupCheck {

    // @Singleton values: injecting them creates them, and so checks them, now
    @Inject
    EngineSettings engine;

    @Inject
    ObservabilitySettings observability;

    @Inject
    ArchiveSettings archive;

    @Inject
    ConfiguredGroups groups;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    ConfiguredTypePolicies typePolicies;

    @Override
    public void check() {
        typePolicies.validate(registry.types(), groups.names());
    }
}
