package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.sql.SqlCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A claim's history rows on PostgreSQL are written without reading {@code tasks}. The JDBC driver prepares a statement
 * on the server once it has run a few times, and the plan PostgreSQL then keeps was made with the statistics of that
 * moment: the statement that read the claimed rows back by id and lease token, planned while {@code tasks} held a
 * few rows, went on scanning the whole table at every claim after it had grown, until the next analysis (a REST
 * benchmark's run read 65 million rows that way). The test makes such a plan: statistics of a table of three tasks,
 * the generic plan forced, and {@code event.appendClaimed} explained.
 */
class PostgresClaimHistoryPlanTest {

    @Test
    void theClaimsHistoryRowsAreWrittenWithoutReadingTasks() throws SQLException {
        try (PostgresTestDatabase db = new PostgresTestDatabase()) {
            for (int i = 0; i < 3; i++) {
                NewTask task = aTask().build();
                db.inTransaction(em -> db.store(em, "node-a").insert(task));
            }
            try (Connection connection = db.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE tasks");
                statement.execute("SET plan_cache_mode = force_generic_plan");
                statement.execute("PREPARE append_claimed AS "
                        + numbered(SqlCatalog.of("postgresql")
                                .get("event.appendClaimed")
                                .sql()));
                List<String> plan = new ArrayList<>();
                try (ResultSet lines = statement.executeQuery("EXPLAIN EXECUTE append_claimed(1800000000000, 'node-a',"
                        + " '{01a23cc5-1034-7000-8991-a3367cbc6cd7}', '{1}')")) {
                    while (lines.next()) {
                        plan.add(lines.getString(1));
                    }
                }
                assertThat(plan).anyMatch(line -> line.contains("Insert on task_events"));
                assertThat(plan)
                        .as("the claim's answer holds every value the rows need")
                        .noneMatch(line -> line.matches(".* on tasks( .*)?"));
            }
        }
    }

    /** The catalog's JDBC markers as the numbered parameters of a server-side PREPARE. */
    private static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        return numbered.toString();
    }
}
