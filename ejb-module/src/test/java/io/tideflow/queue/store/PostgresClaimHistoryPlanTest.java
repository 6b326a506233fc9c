package io.tideflow.queue.store;

import static io.tideflow.queue.store.TaskFixtures.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.sql.SqlCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A claim's history rows on PostgreSQL are written by the claim statement itself, from the update's answer, without
 * reading {@code tasks} again. The JDBC driver prepares a statement on the server once it has run a few times, and the
 * plan PostgreSQL then keeps was made with the statistics of that moment: a statement that read the claimed rows back
 * by id and lease token, planned while {@code tasks} held a few rows, went on scanning the whole table at every claim
 * after it had grown, until the next analysis (a REST benchmark's run read 65 million rows that way). The test makes
 * such a plan: statistics of a table of three tasks, the generic plan forced, each claim statement explained.
 */
class PostgresClaimHistoryPlanTest {

    private static final List<String> CLAIMS =
            List.of("claim.due", "claim.dueInGroup", "claim.dueOfTypesInGroup", "claim.dueFromGroups");

    @Test
    void eachClaimWritesItsHistoryRowsFromItsOwnAnswer() throws SQLException {
        try (PostgresTestDatabase db = new PostgresTestDatabase()) {
            for (int i = 0; i < 3; i++) {
                NewTask task = aTask().build();
                db.inTransaction(em -> db.store(em, "node-a").insert(task));
            }
            try (Connection connection = db.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE tasks");
                statement.execute("SET plan_cache_mode = force_generic_plan");
                for (String name : CLAIMS) {
                    String prepared = name.replace('.', '_');
                    statement.execute("PREPARE " + prepared + " AS "
                            + numbered(SqlCatalog.of("postgresql").get(name).sql()));
                    JsonObject plan = genericPlan(statement, prepared, name);
                    List<JsonObject> inserts = new ArrayList<>();
                    collect(plan, "Insert", inserts);
                    assertThat(inserts)
                            .as(name + " writes history rows")
                            .singleElement()
                            .satisfies(insert -> assertThat(insert.getString("Relation Name"))
                                    .isEqualTo("task_events"));
                    List<String> read = new ArrayList<>();
                    relations(inserts.get(0), read);
                    assertThat(read)
                            .as(name + ": the history rows come from the claim's answer")
                            .doesNotContain("tasks");
                }
            }
        }
    }

    private static JsonObject genericPlan(Statement statement, String prepared, String name) throws SQLException {
        int parameters = SqlCatalog.of("postgresql").get(name).parameterCount();
        List<String> nulls = new ArrayList<>();
        for (int i = 0; i < parameters; i++) {
            nulls.add("NULL");
        }
        try (ResultSet answer = statement.executeQuery(
                "EXPLAIN (FORMAT JSON) EXECUTE " + prepared + "(" + String.join(", ", nulls) + ")")) {
            answer.next();
            return Json.createReader(new StringReader(answer.getString(1)))
                    .readArray()
                    .getJsonObject(0)
                    .getJsonObject("Plan");
        }
    }

    /** The plan nodes of a kind, the node itself included, its init plans and sub plans too. */
    private static void collect(JsonObject node, String operation, List<JsonObject> found) {
        if (operation.equals(node.getString("Operation", null)) || operation.equals(node.getString("Node Type"))) {
            found.add(node);
        }
        children(node).forEach(child -> collect(child, operation, found));
    }

    private static void relations(JsonObject node, List<String> read) {
        if (node.containsKey("Relation Name") && !node.getString("Node Type").equals("ModifyTable")) {
            read.add(node.getString("Relation Name"));
        }
        children(node).forEach(child -> relations(child, read));
    }

    private static List<JsonObject> children(JsonObject node) {
        List<JsonObject> children = new ArrayList<>();
        if (node.containsKey("Plans")) {
            for (JsonValue child : node.getJsonArray("Plans")) {
                children.add(child.asJsonObject());
            }
        }
        return children;
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
