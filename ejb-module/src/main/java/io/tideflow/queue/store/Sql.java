package io.tideflow.queue.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Runs the store's plain JDBC statements on the persistence context's own connection, so that they share its
 * transaction, with errors that name the statement that failed.
 */
final class Sql {

    private Sql() {}

    /** Runs one update and returns how many rows it changed. */
    static int update(EntityManager em, String name, String sql, Object... parameters) {
        try (PreparedStatement statement = connection(em).prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("statement '" + name + "' failed: " + e.getMessage(), e);
        }
    }

    static Connection connection(EntityManager em) {
        return em.unwrap(Connection.class);
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else {
                throw new IllegalArgumentException("cannot bind a "
                        + value.getClass().getName() + " as parameter " + (i + 1) + "; this indicates a bug");
            }
        }
    }
}
