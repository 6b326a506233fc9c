package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A claim from one group (the chunk reader's, the restricted groups') takes the first due tasks in the group's
 * priority order, and the claim across groups first walks the claim order itself. Derby's optimizer does not know that only the first hundred are read: where it chooses to read every
 * due task and sort them, a drain of a large backlog pays its whole size per claim. The backlog here arrives after
 * Derby computed its statistics over finished tasks, as a backlog reaches a server between two of Derby's statistics
 * updates (the chunk benchmark's server chose the sort so); the group claims must still walk the group's claim index in
 * its order and stop at what they take.
 */
class DerbyGroupClaimPlanTest {

    private static final int DUE_IN_GROUP = 20_000;
    private static final int ELSEWHERE = 2_000;
    private static final int FINISHED_GROUPS = 8;
    private static final int FINISHED_PER_GROUP = 10_000;
    private static final int WANTED = 100;
    private static final long NOW = 1_800_000_000_000L;

    private static DerbyTestDatabase db;
    private static Connection connection;
    private static DerbyPlans plans;
    private static final SqlCatalog SQL = SqlCatalog.of("derby");

    @BeforeAll
    static void aLargeBacklogArrivingAfterTheStatistics() throws SQLException {
        db = new DerbyTestDatabase();
        connection = db.dataSource().getConnection();
        connection.setAutoCommit(false);
        for (int group = 0; group < FINISHED_GROUPS; group++) {
            insert("done-" + group, "COMPLETED", FINISHED_PER_GROUP);
        }
        plans = DerbyPlans.withStatisticsOfTasks(connection);
        insert("big", "PENDING", DUE_IN_GROUP);
        for (int group = 0; group < 10; group++) {
            insert("other-" + group, "PENDING", ELSEWHERE / 10);
        }
    }

    private static void insert(String group, String state, int tasks) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks (id, type, resource_group,"
                + " payload, state, priority, run_at, created_at, updated_at, attempts, max_attempts)"
                + " VALUES (?, 'test.noop', ?, '{}', ?, 5, ?, ?, ?, 0, 3)")) {
            for (int i = 0; i < tasks; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, group);
                insert.setString(3, state);
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
        assertThat(DerbyPlans.rowsVisited(plan)).as(plan).isLessThanOrEqualTo(2 * WANTED);
    }

    @Test
    void theClaimOfAnyTypeInAGroupWalksTheGroupsOrderAndStops() throws SQLException {
        String plan = planOf(SQL.get("claim.dueIdsInGroup"), List.of(NOW, "big"));
        assertThat(plan).as(plan).contains("TASKS_GROUP_CLAIM_IX").doesNotContain("Sort ResultSet");
        assertThat(DerbyPlans.rowsVisited(plan)).as(plan).isLessThanOrEqualTo(2 * WANTED);
    }

    @Test
    void theClaimAcrossGroupsFirstWalksTheClaimOrderAndStops() throws SQLException {
        String plan = planOf(SQL.get("claim.pendingInClaimOrder"), List.of());
        assertThat(plan).as(plan).contains("TASKS_CLAIM_IX").doesNotContain("Sort ResultSet");
        assertThat(DerbyPlans.rowsVisited(plan)).as(plan).isLessThanOrEqualTo(2 * WANTED);
    }

    private static String planOf(SqlStatement statement, List<Object> parameters) throws SQLException {
        assertThat(plans.rowsOf(statement.sql(), parameters, WANTED)).isEqualTo(WANTED);
        return plans.lastPlan();
    }
}
