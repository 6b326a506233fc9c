package io.tideflow.queue.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the statements of a catalog by name on a connection that the caller owns (the persistence context's, so that
 * they share its transaction). Parameters bind in order: {@code String}, {@code Integer}, {@code Long},
 * {@code Double}, a {@link SqlNull}, a plain {@code null} (as text), or a {@code List} of strings for the statement's
 * list: written out and padded on a {@code ?[n]} statement, an array for {@code = ANY(?)} otherwise. Every failure
 * names the statement.
 */
public final class SqlRunner {

    private static final String UNIQUE_VIOLATION = "23505";

    private final SqlCatalog catalog;
    private final Supplier<Connection> connection;
    /** How long a query may run before the database cancels it; 0: as long as it takes. */
    private final int queryTimeoutSeconds;

    public SqlRunner(SqlCatalog catalog, Supplier<Connection> connection) {
        this(catalog, connection, 0);
    }

    private SqlRunner(SqlCatalog catalog, Supplier<Connection> connection, int queryTimeoutSeconds) {
        this.catalog = catalog;
        this.connection = connection;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    /** The same runner, whose queries the database cancels after {@code timeout} (whole seconds, at least one). */
    public SqlRunner withQueryTimeout(java.time.Duration timeout) {
        return new SqlRunner(catalog, connection, (int) Math.max(1, timeout.toSeconds()));
    }

    public SqlCatalog catalog() {
        return catalog;
    }

    /**
     * {@code values} cut into the slices that statement {@code name}'s list takes: slices of its {@code ?[n]} width,
     * or the whole list as one slice when the statement takes it as one array. Empty for an empty list.
     */
    public <T> List<List<T>> slices(String name, List<T> values) {
        int width = catalog.get(name).listWidth();
        if (width == 0 || values.size() <= width) {
            return values.isEmpty() ? List.of() : List.of(values);
        }
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < values.size(); from += width) {
            slices.add(values.subList(from, Math.min(values.size(), from + width)));
        }
        return slices;
    }

    /** Runs an update and returns how many rows it changed. */
    public int update(String name, Object... parameters) {
        SqlStatement statement = catalog.get(name);
        try (PreparedStatement prepared = connection.get().prepareStatement(statement.sql())) {
            bind(prepared, statement, parameters);
            return prepared.executeUpdate();
        } catch (SQLException e) {
            throw new SqlStatementException(name, e);
        }
    }

    /**
     * Runs an insert that a unique key may refuse because the row is already there, committed by this transaction or
     * a concurrent one, and says whether it inserted. The statement must not fail on PostgreSQL, where a failed
     * statement ends the transaction: its text there says {@code ON CONFLICT DO NOTHING}. Derby refuses the row with
     * SQLSTATE 23505 and keeps the transaction, so the refusal is caught here.
     */
    public boolean insertIfAbsent(String name, Object... parameters) {
        try {
            return update(name, parameters) > 0;
        } catch (SqlStatementException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the database holds a table of this name, in any schema and either case. */
    public boolean hasTable(String name) {
        try {
            var metadata = connection.get().getMetaData();
            for (String spelling : List.of(name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
                try (ResultSet tables = metadata.getTables(null, null, spelling, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new SqlStatementException("the database's list of tables", e);
        }
    }

    /** Runs a statement without parameters or results, such as a lock or a notification. */
    public void execute(String name) {
        SqlStatement statement = catalog.get(name);
        try (Statement plain = connection.get().createStatement()) {
            plain.execute(statement.sql());
        } catch (SQLException e) {
            throw new SqlStatementException(name, e);
        }
    }

    /**
     * Runs one statement of a schema migration script: text from a resource of the deployment
     * ({@code META-INF/tideflow/schema}), never from input; a failure names the script.
     */
    public void executeScript(String script, String statement) {
        try (Statement plain = connection.get().createStatement()) {
            plain.execute(statement);
        } catch (SQLException e) {
            throw new SqlStatementException("of migration " + script, e);
        }
    }

    /** Every row of a query, mapped. */
    public <T> List<T> list(String name, RowMapper<T> mapper, Object... parameters) {
        return list(name, 0, mapper, parameters);
    }

    /** At most {@code maxRows} rows of a query (0: all), mapped. */
    public <T> List<T> list(String name, int maxRows, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = new ArrayList<>();
        forEach(name, maxRows, row -> rows.add(mapper.map(row)), parameters);
        return rows;
    }

    /** The first row of a query, mapped. */
    public <T> Optional<T> first(String name, RowMapper<T> mapper, Object... parameters) {
        return list(name, 1, mapper, parameters).stream().findFirst();
    }

    /**
     * Runs one statement for each item in one JDBC batch and returns each one's count of changed rows.
     *
     * @param parameters the parameters of one item's statement
     */
    public <T> int[] batch(String name, List<T> items, Function<T, Object[]> parameters) {
        if (items.isEmpty()) {
            return new int[0];
        }
        SqlStatement statement = catalog.get(name);
        try (PreparedStatement prepared = connection.get().prepareStatement(statement.sql())) {
            for (T item : items) {
                bind(prepared, statement, parameters.apply(item));
                prepared.addBatch();
            }
            return prepared.executeBatch();
        } catch (SQLException e) {
            throw new SqlStatementException(name + " (a batch of " + items.size() + ")", e);
        }
    }

    private void forEach(String name, int maxRows, RowSink sink, Object... parameters) {
        SqlStatement statement = catalog.get(name);
        long rows = 0;
        try (PreparedStatement prepared = connection
                .get()
                .prepareStatement(statement.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            prepared.setMaxRows(maxRows);
            prepared.setQueryTimeout(queryTimeoutSeconds);
            bind(prepared, statement, parameters);
            try (ResultSet result = prepared.executeQuery()) {
                while (result.next()) {
                    sink.accept(result);
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw new SqlStatementException(rows == 0 ? name : name + " (after " + rows + " rows)", e);
        }
    }

    static void bind(PreparedStatement prepared, SqlStatement statement, Object... parameters) throws SQLException {
        int markers = 0;
        for (Object value : parameters) {
            markers += value instanceof List<?> && statement.listWidth() > 0 ? statement.listWidth() : 1;
        }
        if (markers != statement.parameterCount()) {
            throw new IllegalArgumentException("statement '" + statement.name() + "' takes "
                    + statement.parameterCount() + " parameters, " + markers + " were bound; this indicates a bug");
        }
        int index = 0;
        for (Object value : parameters) {
            if (value instanceof List<?> list) {
                index = bindList(prepared, statement, index, list);
            } else {
                bindOne(prepared, statement, ++index, value);
            }
        }
    }

    private static int bindList(PreparedStatement prepared, SqlStatement statement, int index, List<?> list)
            throws SQLException {
        if (statement.listWidth() == 0) {
            prepared.setArray(++index, prepared.getConnection().createArrayOf("varchar", list.toArray()));
            return index;
        }
        if (list.isEmpty() || list.size() > statement.listWidth()) {
            throw new IllegalArgumentException("statement '" + statement.name() + "' takes a list of 1 to "
                    + statement.listWidth() + " values, not " + list.size() + "; this indicates a bug");
        }
        for (int i = 0; i < statement.listWidth(); i++) {
            // unused places repeat the first value: the same text, and so the same cached plan, for every length
            bindOne(prepared, statement, ++index, list.get(i < list.size() ? i : 0));
        }
        return index;
    }

    private static void bindOne(PreparedStatement prepared, SqlStatement statement, int index, Object value)
            throws SQLException {
        if (value == null) {
            prepared.setNull(index, SqlNull.VARCHAR.sqlType());
        } else if (value instanceof SqlNull typed) {
            prepared.setNull(index, typed.sqlType());
        } else if (value instanceof String text) {
            prepared.setString(index, text);
        } else if (value instanceof Long number) {
            prepared.setLong(index, number);
        } else if (value instanceof Integer number) {
            prepared.setInt(index, number);
        } else if (value instanceof Double number) {
            prepared.setDouble(index, number);
        } else {
            throw new IllegalArgumentException("statement '" + statement.name() + "' cannot bind a "
                    + value.getClass().getName() + " as parameter " + index + "; this indicates a bug");
        }
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet row) throws SQLException;
    }
}
