package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.sql.SqlCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Derby keeps no index of the running rows alone (schema V020): the lookups of running tasks must still read an index
 * range, never the whole table, on a table whose finished rows far outnumber them and whose statistics Derby has
 * computed (as it does on its own once a table grows).
 */
class DerbyRunningLookupPlanTest {

    private static final int FINISHED = 20_000;
    private static final int RUNNING = 8;
    private static final long NOW = 1_800_000_000_000L;

    private static DerbyTestDatabase db;
    private static Connection connection;
    private static DerbyPlans plans;
    private static final SqlCatalog SQL = SqlCatalog.of("derby");

    @BeforeAll
    static void aTableOfMostlyFinishedTasks() throws SQLException {
        db = new DerbyTestDatabase();
        connection = db.dataSource().getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks (id, type, resource_group,"
                + " payload, state, priority, run_at, created_at, updated_at, attempts, max_attempts, lease_owner,"
                + " lease_token, lease_expires_at) VALUES (?, 'test.noop', ?, '{}', ?, 5, ?, ?, ?, 1, 3, ?, ?, ?)")) {
            for (int i = 0; i < FINISHED + RUNNING; i++) {
                boolean running = i >= FINISHED;
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "group-" + (i % 20));
                insert.setString(3, running ? "RUNNING" : "COMPLETED");
                insert.setLong(4, NOW - i);
                insert.setLong(5, NOW - i);
                insert.setLong(6, NOW - i);
                insert.setString(7, running ? "node-" + (i % 2) : null);
                insert.setString(8, running ? UUID.randomUUID().toString() : null);
                if (running) {
                    insert.setLong(9, NOW + i);
                } else {
                    insert.setNull(9, java.sql.Types.BIGINT);
                }
                insert.addBatch();
                if (i % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        plans = DerbyPlans.withStatisticsOfTasks(connection);
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        db.close();
    }

    @Test
    void expiredLeasesAreFoundThroughAnIndex() throws SQLException {
        assertThat(planOf("task.expiredLeases", NOW + FINISHED + 3)).satisfies(DerbyRunningLookupPlanTest::readsARange);
        assertThat(rowsOf("task.expiredLeases", NOW + FINISHED + 3)).isEqualTo(3);
    }

    @Test
    void theTasksANodeHoldsAreFoundThroughAnIndex() throws SQLException {
        assertThat(planOf("task.heldBy", "node-0")).satisfies(DerbyRunningLookupPlanTest::readsARange);
        assertThat(rowsOf("task.heldBy", "node-0")).isEqualTo(RUNNING / 2);
    }

    @Test
    void aGroupsRunningCountHereIsReadThroughAnIndex() throws SQLException {
        assertThat(planOf("group.runningHere", "group-" + (FINISHED % 20), "node-0"))
                .satisfies(DerbyRunningLookupPlanTest::readsARange);
    }

    @Test
    void theLiveDepthIsReadThroughAnIndex() throws SQLException {
        assertThat(planOf("group.liveDepth")).satisfies(DerbyRunningLookupPlanTest::readsARange);
    }

    private static void readsARange(String plan) {
        assertThat(plan).as(plan).contains("Index Scan ResultSet").doesNotContain("Table Scan ResultSet");
        plan.lines()
                .filter(line -> line.contains("Index Scan ResultSet"))
                .forEach(line -> System.out.println("DerbyRunningLookupPlanTest: " + line.strip()));
    }

    private static String planOf(String statement, Object... parameters) throws SQLException {
        rowsOf(statement, parameters);
        return plans.lastPlan();
    }

    private static int rowsOf(String statement, Object... parameters) throws SQLException {
        return plans.rowsOf(SQL.get(statement).sql(), List.of(parameters), 0);
    }
}
