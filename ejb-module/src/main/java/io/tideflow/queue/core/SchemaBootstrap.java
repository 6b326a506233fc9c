package io.tideflow.queue.core;

import io.tideflow.queue.schema.SchemaMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Brings the schema up to date before anything else of the engine starts, and validates the configuration, so that
 * a bad schema or a bad setting fails the deployment with its reason.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaBootstrap {

    /** The datasource the persistence unit uses; the server scripts in datasource-config create it. */
    public static final String DATASOURCE_JNDI_DEFAULT = "java:jboss/datasources/TideflowDS";

    private static final Logger LOG = Logger.getLogger(SchemaBootstrap.class.getName());

    @Inject
    Config config;

    @Inject
    EngineSettings settings;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    TypeDefaults typeDefaults;

    @Inject
    Clock clock;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrateAndValidate() {
        for (String type : registry.types()) {
            typeDefaults.groupOf(type);
            typeDefaults.priorityOf(type);
        }
        String jndi = config.getOptionalValue("tideflow.datasource", String.class).orElse(DATASOURCE_JNDI_DEFAULT);
        List<String> applied = new SchemaMigrator(lookup(jndi), SchemaBootstrap.class.getClassLoader(), clock).migrate();
        LOG.info(() -> applied.isEmpty() ? "Tideflow schema is up to date"
                : "Tideflow schema migrations applied: " + applied);
    }

    private static DataSource lookup(String jndi) {
        try {
            return (DataSource) new InitialContext().lookup(jndi);
        } catch (NamingException e) {
            throw new InvalidSettingException("tideflow.datasource", jndi, "no datasource is bound there");
        }
    }
}
