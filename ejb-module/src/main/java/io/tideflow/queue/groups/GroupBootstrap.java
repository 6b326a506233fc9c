package io.tideflow.queue.groups;

import io.tideflow.queue.config.ConfiguredGroup;
import io.tideflow.queue.config.ConfiguredGroups;
import io.tideflow.queue.schema.SchemaBootstrap;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Writes the group configuration (checked by {@link SchemaBootstrap} before anything starts) to
 * {@code resource_groups}, before the dispatcher claims anything.
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
public class GroupBootstrap {

    private static final Logger LOG = Logger.getLogger(GroupBootstrap.class.getName());

    @Inject
    ConfiguredGroups groups;

    @Inject
    GroupTransactions transactions;

    @Inject
    GroupDirectory directory;

    @PostConstruct
    void applyConfiguration() {
        Map<String, ConfiguredGroup> configured = groups.byName();
        try {
            transactions.applyConfiguration(configured);
        } catch (EJBException firstTry) {
            // two nodes starting together may both create a group's row; the second try finds it
            transactions.applyConfiguration(configured);
        }
        directory.configure(configured);
        directory.replace(transactions.all());
        LOG.info(() -> "Tideflow resource groups configured: " + (configured.isEmpty() ? "none" : configured));
    }
}
