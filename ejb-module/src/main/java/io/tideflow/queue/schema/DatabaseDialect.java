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

    String folder() {
        return folder;
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
