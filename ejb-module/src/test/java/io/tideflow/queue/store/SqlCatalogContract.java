package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.sql.SqlStatement;
import io.tideflow.queue.sql.SqlStatementException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every statement of the database's catalog is valid SQL for it, against the real schema. */
abstract class SqlCatalogContract extends DatabaseContract {

    @Test
    void everyStatementOfTheCatalogCompilesAgainstTheMigratedSchema() throws SQLException {
        SqlCatalog catalog = db.dialect().statements();
        List<String> refused = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection()) {
            for (SqlStatement statement : catalog.all()) {
                // the history table exists once migrated; its creation ran when this database was set up
                if (statement.name().equals("schema.createHistory")) {
                    continue;
                }
                try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                    // PostgreSQL's driver parses on the server only when asked to describe the statement
                    assertThat(prepared.getParameterMetaData().getParameterCount())
                            .as(statement.name())
                            .isEqualTo(statement.parameterCount());
                } catch (SQLException e) {
                    refused.add(statement.name() + ": " + e.getMessage());
                }
            }
        }
        assertThat(refused).isEmpty();
        assertThat(catalog.all()).hasSizeGreaterThan(60);
    }

    @Test
    void aFailingStatementIsNamedInTheError() throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            SqlRunner sql = new SqlRunner(db.dialect().statements(), () -> connection);
            sql.update("node.join", "node-a", 1L, 1L, 0, 8);
            assertThatThrownBy(() -> sql.update("node.join", "node-a", 1L, 1L, 0, 8))
                    .isInstanceOf(SqlStatementException.class)
                    .hasMessageStartingWith("statement 'node.join' failed: ");
            assertThatThrownBy(() -> sql.update("node.join", "node-a", 1L))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'node.join' takes 5 parameters, 2 were bound");
            assertThatThrownBy(() -> sql.update("node.join", "node-a", 1L, 1L, 0, 8, 5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'node.join' takes 5 parameters, 6 were bound");
        }
    }
}
