package io.tideflow.queue.store;

import io.tideflow.queue.schema.DatabaseDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * JBeret's job repository tables, created from the DDL in JBeret's own jar (the version WildFly ships), as WildFly's
 * JDBC job repository creates them in Tideflow's database on first use.
 */
final class JBeretTables {

    private JBeretTables() {}

    static void create(DataSource dataSource, DatabaseDialect dialect) {
        String ddl = "sql/jberet-" + (dialect == DatabaseDialect.POSTGRESQL ? "postgresql" : "derby") + ".ddl";
        try (InputStream in = JBeretTables.class.getClassLoader().getResourceAsStream(ddl);
                Connection connection = dataSource.getConnection()) {
            if (in == null) {
                throw new IllegalStateException(ddl + " is not on the test class path (org.jberet:jberet-core)");
            }
            if (exists(connection)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                // JBeret's DDL files separate statements with "!!"
                for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("!!")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql.trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("creating JBeret's tables from " + ddl + " failed", e);
        }
    }

    /** In this connection's schema only: a schema another run left behind (killed before it dropped it) has them too. */
    private static boolean exists(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        for (String name : new String[] {"JOB_EXECUTION", "job_execution"}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, schema, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
