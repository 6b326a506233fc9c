package io.tideflow.queue.bootstrap;

import io.tideflow.queue.config.ArchiveSettings;
import io.tideflow.queue.config.ClockSettings;
import io.tideflow.queue.config.ConfiguredGroups;
import io.tideflow.queue.config.ConfiguredTypePolicies;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.config.ScheduleSettings;
import io.tideflow.queue.config.SettingsProducer;
import io.tideflow.queue.handler.TaskHandlerExtension;
import io.tideflow.queue.recurring.DeclaredSchedules;
import io.tideflow.queue.schema.EngineDataSource;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Set;
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
            TaskHandlerExtension handlers = beans.getExtension(TaskHandlerExtension.class);
            Set<String> types = handlers.enabledHandlers(config).keySet();
            new ConfiguredTypePolicies(config, engine).validate(types, groups.names());
            DeclaredSchedules.of(
                    handlers.recurringTypes(config), ScheduleSettings.from(config), types::contains, engine);
            EngineDataSource.locate(config);
        } catch (RuntimeException invalid) {
            event.addDefinitionError(invalid);
        }
    }
}
