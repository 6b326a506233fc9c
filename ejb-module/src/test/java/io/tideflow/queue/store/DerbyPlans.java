package io.tideflow.queue.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Derby's runtime statistics on one connection: the plan of the statement it ran last, after statistics of
 * {@code tasks} were computed (as Derby does on its own once a table grows), so that the optimizer chooses as it
 * would on a server that has been running for a while.
 */
final class DerbyPlans {

    private static final String ROWS_VISITED = "Number of rows visited=";

    private final Connection connection;

    private DerbyPlans(Connection connection) {
        this.connection = connection;
    }

    /** Computes the statistics of {@code tasks} and records the plan of every statement run from then on. */
    static DerbyPlans withStatisticsOfTasks(Connection connection) throws SQLException {
        try (Statement statistics = connection.createStatement()) {
            statistics.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'TASKS', NULL)");
            statistics.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
        }
        connection.commit();
        return new DerbyPlans(connection);
    }

    /** Runs a query and counts its rows, at most {@code maxRows} of them (0: all). */
    int rowsOf(String sql, List<?> parameters, int maxRows) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setMaxRows(maxRows);
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            int rows = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            connection.commit();
            return rows;
        }
    }

    /** The plan of the query run last, as Derby's runtime statistics print it. */
    String lastPlan() throws SQLException {
        try (Statement read = connection.createStatement();
                ResultSet plan = read.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            plan.next();
            String text = plan.getString(1);
            connection.commit();
            return text;
        }
    }

    /** The most rows one index scan of the plan visited. */
    static int rowsVisited(String plan) {
        return plan.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(ROWS_VISITED))
                .mapToInt(line -> Integer.parseInt(line.substring(ROWS_VISITED.length())))
                .max()
                .orElseThrow(() -> new AssertionError("no index scan in the plan: " + plan));
    }
}
