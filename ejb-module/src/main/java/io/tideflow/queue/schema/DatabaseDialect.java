package io.tideflow.queue.schema;

import io.tideflow.queue.api.TideflowException;

/** The databases Tideflow has a schema for. */
public enum DatabaseDialect {
    DERBY("derby"),
    POSTGRESQL("postgresql");

    private final String folder;

    DatabaseDialect(String folder) {
        this.folder = folder;
    }

    /** The name of its folders and files among the resources: schema migrations, SQL catalog. */
    public String folder() {
        return folder;
    }

    /** The dialect of the database behind a datasource. */
    public static DatabaseDialect of(javax.sql.DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new TideflowException("cannot reach the database to tell which it is: " + e.getMessage(), e);
        }
    }

    /** The dialect for a JDBC product name, as {@code DatabaseMetaData.getDatabaseProductName()} reports it. */
    public static DatabaseDialect of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("derby")) {
            return DERBY;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new TideflowException("database '" + productName + "' is not supported; use Derby or PostgreSQL");
    }
}
