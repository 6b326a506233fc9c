package io.tideflow.queue.bootstrap;

import io.tideflow.queue.config.ArchiveSettings;
import io.tideflow.queue.config.ClockSettings;
import io.tideflow.queue.config.ConfiguredGroups;
import io.tideflow.queue.config.ConfiguredTypePolicies;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.config.SettingsProducer;
import io.tideflow.queue.handler.TaskHandlerExtension;
import io.tideflow.queue.schema.EngineDataSource;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;

/**
 * Reads every part of the configuration and finds the datasource while the deployment is scanned, before any bean
 * exists, so that a bad key or value, or a missing datasource, fails the deployment with the key and the value named.
 *
 * <p>Why so early: a startup bean's exception reaches a Payara user only as "Initialization failed for Singleton
 * ...", and a failure after the container has validated the deployment leaves WildFly's health checks of the failed
 * deployment registered (the server then reports DOWN). A definition error here has neither problem.
 */
public class DeploymentCheckExtension implements Extension {

    void checkBeforeAnyBeanExists(@Observes AfterBeanDiscovery event, BeanManager beans) {
        try {
            Config config = SettingsProducer.deploymentConfig();
            EngineSettings engine = EngineSettings.from(config);
            ObservabilitySettings.from(config);
            ArchiveSettings.from(config);
            ClockSettings.from(config);
            ConfiguredGroups groups = ConfiguredGroups.from(config);
            new ConfiguredTypePolicies(config, engine)
                    .validate(
                            beans.getExtension(TaskHandlerExtension.class)
                                    .enabledHandlers(config)
                                    .keySet(),
                            groups.names());
            EngineDataSource.locate(config);
        } catch (RuntimeException invalid) {
            event.addDefinitionError(invalid);
        }
    }
}
