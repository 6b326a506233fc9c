package io.tideflow.queue.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh schema in the local PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}; override with
 * the system properties {@code tideflow.test.pg.host}, {@code .port}, {@code .database}, {@code .user},
 * {@code .password}), dropped on close. There is no fallback: without a reachable PostgreSQL these tests fail.
 */
public final class PostgresTestDatabase extends TestDatabase {

    private final String schema;

    public PostgresTestDatabase() {
        this("tideflow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    private PostgresTestDatabase(String schema) {
        this(schema, inSchema(schema));
    }

    private PostgresTestDatabase(String schema, PGSimpleDataSource dataSource) {
        super(
                dataSource,
                Map.of(
                        "jakarta.persistence.jdbc.driver",
                        "org.postgresql.Driver",
                        "jakarta.persistence.jdbc.url",
                        dataSource.getUrl(),
                        "jakarta.persistence.jdbc.user",
                        dataSource.getUser(),
                        "jakarta.persistence.jdbc.password",
                        dataSource.getPassword() == null ? "" : dataSource.getPassword(),
                        "eclipselink.connection-pool.default.initial",
                        "4",
                        "eclipselink.connection-pool.default.max",
                        "40"));
        this.schema = schema;
    }

    /** The test server's database, as the {@code tideflow.test.pg.*} properties name it. */
    public static PGSimpleDataSource server() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {System.getProperty("tideflow.test.pg.host", "127.0.0.1")});
        dataSource.setPortNumbers(new int[] {Integer.getInteger("tideflow.test.pg.port", 5432)});
        dataSource.setDatabaseName(System.getProperty("tideflow.test.pg.database", "test"));
        dataSource.setUser(System.getProperty("tideflow.test.pg.user", "postgres"));
        dataSource.setPassword(System.getProperty("tideflow.test.pg.password", ""));
        return dataSource;
    }

    private static PGSimpleDataSource inSchema(String schema) {
        PGSimpleDataSource admin = server();
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL for the store tests is not reachable at " + admin.getUrl() + ": " + e.getMessage(), e);
        }
        PGSimpleDataSource dataSource = server();
        dataSource.setCurrentSchema(schema);
        // as the WildFly datasource is configured: batched INSERTs become multi-row statements
        dataSource.setReWriteBatchedInserts(true);
        return dataSource;
    }

    @Override
    protected void drop() {
        try (Connection c = server().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping test schema " + schema, e);
        }
    }
}
