package io.tideflow.queue.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row of a result into a value; it reads columns, never moves the cursor. */
@FunctionalInterface
public interface RowMapper<T> {

    T map(ResultSet row) throws SQLException;
}
