package io.tideflow.queue.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads every settings record once, from the deployment's MicroProfile Config, and checks it: a bad key or value fails
 * with its name. The records are {@code @Singleton} (no client proxy), so each is made, and checked, where it is first
 * injected; {@code bootstrap.DeploymentCheckExtension} reads them all from the same {@link #deploymentConfig()} while
 * the deployment is scanned. Everything else of the engine injects these records instead of reading the configuration
 * again.
 */
@ApplicationScoped
public class SettingsProducer {

    /**
     * Without {@code tideflow.node.id}, a node is the server's node name and the application's name: two applications
     * with Tideflow in one server are two nodes, and neither takes the other's running tasks for its own orphans.
     */
    @Produces
    @Singleton
    EngineSettings engineSettings() {
        EngineSettings settings = EngineSettings.from(deploymentConfig());
        if (deploymentConfig()
                .getOptionalValue("tideflow.node.id", String.class)
                .isPresent()) {
            return settings;
        }
        return applicationName()
                .map(application -> settings.withNodeId(settings.nodeId() + "/" + application))
                .orElse(settings);
    }

    private static Optional<String> applicationName() {
        try {
            return Optional.of((String) new InitialContext().lookup("java:app/AppName"));
        } catch (NamingException | ClassCastException outsideAnApplication) {
            return Optional.empty();
        }
    }

    @Produces
    @Singleton
    ObservabilitySettings observabilitySettings() {
        return ObservabilitySettings.from(deploymentConfig());
    }

    @Produces
    @Singleton
    ClockSettings clockSettings() {
        return ClockSettings.from(deploymentConfig());
    }

    @Produces
    @Singleton
    ArchiveSettings archiveSettings() {
        return ArchiveSettings.from(deploymentConfig());
    }

    @Produces
    @Singleton
    HistoryBackupSettings historyBackupSettings() {
        return HistoryBackupSettings.from(deploymentConfig());
    }

    @Produces
    @Singleton
    ConfiguredGroups configuredGroups() {
        return ConfiguredGroups.from(deploymentConfig());
    }

    @Produces
    @Singleton
    ScheduleSettings scheduleSettings() {
        return ScheduleSettings.from(deploymentConfig());
    }

    @Produces
    @Singleton
    ConfiguredTypePolicies typePolicies(EngineSettings settings) {
        return new ConfiguredTypePolicies(deploymentConfig(), settings);
    }

    /** The deployment's own configuration (its microprofile-config.properties), whichever module asks. */
    public static Config deploymentConfig() {
        return ConfigProvider.getConfig(SettingsProducer.class.getClassLoader());
    }
}
