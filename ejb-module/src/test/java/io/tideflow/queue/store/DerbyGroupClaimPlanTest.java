package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A claim from one group (the chunk reader's, the restricted groups') takes the first due tasks in the group's
 * priority order. Derby's optimizer does not know that only the first hundred are read: where it chooses to read every
 * due task and sort them, a drain of a large backlog pays its whole size per claim. On a backlog of 20,000 in one
 * group with statistics computed, the group claims walk the group's claim index in its order and stop at what they
 * take (docs/benchmarks.md has a server's drain where Derby chose the sort).
 */
class DerbyGroupClaimPlanTest {

    private static final int DUE_IN_GROUP = 20_000;
    private static final int ELSEWHERE = 2_000;
    private static final int WANTED = 100;
    private static final long NOW = 1_800_000_000_000L;

    private static DerbyTestDatabase db;
    private static Connection connection;
    private static final SqlCatalog SQL = SqlCatalog.of("derby");

    @BeforeAll
    static void aLargeBacklogInOneGroup() throws SQLException {
        db = new DerbyTestDatabase();
        connection = db.dataSource().getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks (id, type, resource_group,"
                + " payload, state, priority, run_at, created_at, updated_at, attempts, max_attempts)"
                + " VALUES (?, 'test.noop', ?, '{}', ?, 5, ?, ?, ?, 0, 3)")) {
            for (int i = 0; i < DUE_IN_GROUP + 2 * ELSEWHERE; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, i < DUE_IN_GROUP + ELSEWHERE ? "big" : "other-" + (i % 10));
                insert.setString(3, i >= DUE_IN_GROUP && i < DUE_IN_GROUP + ELSEWHERE ? "COMPLETED" : "PENDING");
                insert.setLong(4, NOW - i);
                insert.setLong(5, NOW - i);
                insert.setLong(6, NOW - i);
                insert.addBatch();
                if (i % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        try (Statement statistics = connection.createStatement()) {
            statistics.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'TASKS', NULL)");
            statistics.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
        }
        connection.commit();
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        db.close();
    }

    @Test
    void theClaimOfSomeTypesInAGroupWalksTheGroupsOrderAndStops() throws SQLException {
        List<Object> parameters = new ArrayList<>(List.of(NOW, "big"));
        SqlStatement claim = SQL.get("claim.dueIdsOfTypesInGroupUpTo8");
        for (int i = 0; i < claim.listWidth(); i++) {
            parameters.add("test.noop");
        }
        String plan = planOf(claim, parameters);
        assertThat(plan).as(plan).contains("TASKS_GROUP_CLAIM_IX").doesNotContain("Sort ResultSet");
        assertThat(rowsVisited(plan)).as(plan).isLessThanOrEqualTo(2 * WANTED);
    }

    @Test
    void theClaimOfAnyTypeInAGroupWalksTheGroupsOrderAndStops() throws SQLException {
        String plan = planOf(SQL.get("claim.dueIdsInGroup"), List.of(NOW, "big"));
        assertThat(plan).as(plan).contains("TASKS_GROUP_CLAIM_IX").doesNotContain("Sort ResultSet");
        assertThat(rowsVisited(plan)).as(plan).isLessThanOrEqualTo(2 * WANTED);
    }

    /** The rows the plan's index scan visited: "Number of rows visited=N" in Derby's runtime statistics. */
    private static int rowsVisited(String plan) {
        return plan.lines()
                .filter(line -> line.strip().startsWith("Number of rows visited="))
                .mapToInt(line -> Integer.parseInt(line.strip().substring("Number of rows visited=".length())))
                .max()
                .orElseThrow(() -> new AssertionError("no index scan in the plan: " + plan));
    }

    private static String planOf(SqlStatement statement, List<Object> parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(statement.sql())) {
            query.setMaxRows(WANTED);
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            int rows = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(WANTED);
        }
        try (Statement read = connection.createStatement();
                ResultSet plan = read.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            plan.next();
            String text = plan.getString(1);
            connection.commit();
            return text;
        }
    }
}
