package io.tideflow.queue.sql;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/** A statement of the catalog failed; the message names it, the cause is the driver's exception. */
public class SqlStatementException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    public SqlStatementException(String statement, SQLException cause) {
        super("statement '" + statement + "' failed: " + cause.getMessage(), cause);
    }

    /** The SQLSTATE of the driver's exception, such as 23505 for a unique key violation on PostgreSQL. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
