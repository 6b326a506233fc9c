package io.tideflow.queue.schema;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Brings the schema up to date before anything else of the engine starts (the configuration was checked while the
 * deployment was validated), so that a bad schema fails the deployment with its reason.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaBootstrap {

    private static final Logger LOG = Logger.getLogger(SchemaBootstrap.class.getName());

    @Inject
    Config config;

    @Inject
    Clock clock;

    private volatile DatabaseDialect dialect;
    private volatile DataSource dataSource;

    /** The database the engine runs on, known once the schema is up to date. */
    public DatabaseDialect dialect() {
        return dialect;
    }

    /** The engine's datasource, for the work that needs plain connections (schema, notifications). */
    public DataSource dataSource() {
        return dataSource;
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        dataSource = EngineDataSource.locate(config);
        dialect = DatabaseDialect.of(dataSource);
        List<String> applied = new SchemaMigrator(dataSource, SchemaBootstrap.class.getClassLoader(), clock).migrate();
        LOG.info(() ->
                (applied.isEmpty() ? "Tideflow schema is up to date" : "Tideflow schema migrations applied: " + applied)
                        + " (" + dialect + ")");
    }
}
