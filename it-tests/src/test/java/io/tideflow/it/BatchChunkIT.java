package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Batchable task types run through the {@code tideflow-chunks} Jakarta Batch job: chunks of similar tasks only, each
 * chunk's writes committed with its completions, a poisoned chunk run again one task at a time so that only the bad
 * task fails, a cancelled task left out. The handler is {@code it.chunk-write} (chunks of up to 10 tasks of one group
 * and one payload key).
 */
class BatchChunkIT extends TestHandlersDeployment {

    @Test
    void chunksHoldSimilarTasksOnlyAndTheirWritesCommitWithTheirCompletions() {
        ApiClient api = api();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String groupA = "chunks-a-" + run;
        String groupB = "chunks-b-" + run;
        api.post("groups/" + groupA + "/pause", OPERATOR, "");
        api.post("groups/" + groupB + "/pause", OPERATOR, "");
        Map<String, String> similarityOf = new HashMap<>();
        List<String> submissions = new ArrayList<>();
        for (int i = 0; i < 42; i++) {
            String group = i < 30 ? groupA : groupB;
            String key = i < 25 || i >= 30 ? "k1" : "k2";
            submissions.add("{\"type\":\"it.chunk-write\",\"group\":\"" + group + "\",\"payload\":{\"marker\":\"" + run
                    + "-" + i + "\",\"key\":\"" + key + "\"}}");
        }
        JsonArray ids = submitAll(api, submissions);
        for (int i = 0; i < 42; i++) {
            similarityOf.put(ids.getString(i), (i < 30 ? groupA : groupB) + "/" + (i < 25 || i >= 30 ? "k1" : "k2"));
        }
        String cancelled = ids.getString(7);
        assertThat(api.post("tasks/" + cancelled + "/cancel", OPERATOR, "").status())
                .isEqualTo(200);
        similarityOf.remove(cancelled);

        api.post("groups/" + groupA + "/resume", OPERATOR, "");
        api.post("groups/" + groupB + "/resume", OPERATOR, "");

        Map<String, List<Integer>> callSizesBySimilarity = new HashMap<>();
        for (Map.Entry<String, String> task : similarityOf.entrySet()) {
            JsonObject done = api.awaitState(task.getKey(), "COMPLETED");
            JsonObject result = done.getJsonObject("result");
            assertThat(result.getString("group") + "/" + result.getString("key"))
                    .as("a task shares its handler call with tasks of its own group and key only")
                    .isEqualTo(task.getValue());
            assertThat(result.getInt("chunkSize")).isBetween(1, 10);
            assertThat(done.getInt("attempts")).isEqualTo(1);
            callSizesBySimilarity
                    .computeIfAbsent(task.getValue(), k -> new ArrayList<>())
                    .add(result.getInt("chunkSize"));
        }
        callSizesBySimilarity.forEach((similarity, sizes) -> {
            Map<Integer, Long> tasksBySize =
                    sizes.stream().collect(Collectors.groupingBy(size -> size, Collectors.counting()));
            // a call of n tasks gives n results that each say n
            tasksBySize.forEach((size, tasks) -> assertThat(tasks % size)
                    .as(similarity + ": " + tasks + " tasks say they ran in calls of " + size)
                    .isZero());
        });
        assertThat(callSizesBySimilarity.get(groupA + "/k1"))
                .as("the 24 waiting tasks of group A and key k1 did not run one by one")
                .anyMatch(size -> size > 1);
        for (int i = 0; i < 42; i++) {
            assertThat(effects(run + "-" + i)).as("rows written for task " + i).isEqualTo(i == 7 ? 0 : 1);
        }
        assertThat(api.get("tasks/" + cancelled, VIEWER).json().getString("state"))
                .isEqualTo("CANCELLED");
    }

    @Test
    void aPoisonedTaskFailsAloneAndItsNeighboursCompleteWithTheirWritesOnce() {
        ApiClient api = api();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String group = "chunks-poison-" + run;
        api.post("groups/" + group + "/pause", OPERATOR, "");
        List<String> submissions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            submissions.add("{\"type\":\"it.chunk-write\",\"group\":\"" + group + "\",\"maxAttempts\":"
                    + (i == 4 ? 1 : 3) + ",\"payload\":{\"marker\":\"" + run + "-" + i + "\""
                    + (i == 4 ? ",\"poison\":true" : "") + "}}");
        }
        JsonArray ids = submitAll(api, submissions);
        api.post("groups/" + group + "/resume", OPERATOR, "");

        JsonObject poisoned = api.awaitState(ids.getString(4), "DEAD_LETTER");
        assertThat(poisoned.getString("lastError")).contains("poisoned chunk");
        assertThat(poisoned.getInt("attempts")).isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            if (i == 4) {
                continue;
            }
            JsonObject done = api.awaitState(ids.getString(i), "COMPLETED");
            assertThat(done.getInt("attempts"))
                    .as("the rolled-back chunk did not count an attempt of task " + i)
                    .isEqualTo(1);
            assertThat(effects(run + "-" + i))
                    .as("task " + i + "'s row: the failed chunk's writes rolled back, its own run committed")
                    .isEqualTo(1);
        }
        assertThat(effects(run + "-4")).isZero();
    }

    @Test
    void executionsAreListedWithTheirCountsAndTheTasksTheyClaimed() {
        ApiClient api = api();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String group = "chunks-listed-" + run;
        List<String> ids = submitWhilePaused(api, group, run, 12, "");
        api.post("groups/" + group + "/resume", OPERATOR, "");
        ids.forEach(id -> api.awaitState(id, "COMPLETED"));

        // each execution ends once nothing of its type and group is due
        List<JsonObject> executions = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api.batchExecutionsOf(group),
                        found -> !found.isEmpty()
                                && found.stream()
                                        .allMatch(e -> e.getString("status").equals("COMPLETED")));
        Set<String> claimed = new HashSet<>();
        long written = 0;
        for (JsonObject listed : executions) {
            assertThat(listed.getString("job")).isEqualTo("tideflow-chunks");
            assertThat(listed.getString("type")).isEqualTo("it.chunk-write");
            assertThat(listed.getString("node")).isNotBlank();
            assertThat(listed.getString("startedBy")).isEqualTo("(application)");
            assertThat(listed.getString("endedAt")).isNotBlank();
            assertThat(listed.getJsonNumber("skipped").longValue()).isZero();
            written += listed.getJsonNumber("written").longValue();
            JsonObject one =
                    api.get("batches/" + listed.getJsonNumber("id"), VIEWER).json();
            assertThat(one.getJsonArray("steps").getJsonObject(0).getString("name"))
                    .isEqualTo("run-chunks");
            for (JsonObject task : one.getJsonArray("tasks").getValuesAs(JsonObject.class)) {
                assertThat(task.getString("state")).isEqualTo("COMPLETED");
                claimed.add(task.getString("id"));
            }
        }
        assertThat(claimed).as("the tasks the executions claimed").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(written).as("items written by the executions").isEqualTo(12);

        // the design's batch metrics, in the metric history beside the group's task figures
        JsonObject summary = api.get("metrics/summary?group=" + group, VIEWER)
                .json()
                .getJsonArray("groups")
                .getJsonObject(0);
        assertThat(summary.getInt("completed")).isEqualTo(12);
        JsonObject chunks = summary.getJsonObject("chunks");
        assertThat(chunks.getInt("tasks")).isEqualTo(12);
        assertThat(chunks.getInt("committed")).isBetween(2, 12);
        assertThat(chunks.getInt("rolledBack")).isZero();
        assertThat(chunks.getJsonNumber("successRate").doubleValue()).isEqualTo(1.0);
        assertThat(chunks.getJsonObject("duration").getInt("count")).isEqualTo(chunks.getInt("committed"));
    }

    @Test
    void aRunningExecutionStopsAndItsRestartDrainsTheRest() {
        ApiClient api = api();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String group = "chunks-stopped-" + run;
        List<String> ids = submitWhilePaused(api, group, run, 40, ",\"sleepMs\":1000");
        api.post("groups/" + group + "/resume", OPERATOR, "");
        String id = api.awaitRunningBatchExecutionOf(group);

        assertThat(api.post("batches/" + id + "/stop", VIEWER, "").status()).isEqualTo(403);
        ApiClient.Response stop = api.post("batches/" + id + "/stop", OPERATOR, "");
        assertThat(stop.status()).as(stop.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("batches/" + id, VIEWER).json().getString("status"), "STOPPED"::equals);
        ApiClient.Response stoppedAgain = api.post("batches/" + id + "/stop", OPERATOR, "");
        assertThat(stoppedAgain.status()).isEqualTo(409);
        assertThat(stoppedAgain.problem().getString("detail")).contains("STOPPED");

        assertThat(api.post("batches/" + id + "/restart", VIEWER, "").status()).isEqualTo(403);
        ApiClient.Response restart = api.post("batches/" + id + "/restart", OPERATOR, "");
        assertThat(restart.status()).as(restart.body()).isEqualTo(201);
        JsonObject restarted = restart.json();
        assertThat(restarted.getJsonNumber("restartOf").toString()).isEqualTo(id);
        assertThat(restarted.getString("startedBy")).isEqualTo("demo-operator");
        assertThat(restart.location()).endsWith("/batches/" + restarted.getJsonNumber("id"));
        ApiClient.Response restartAgain = api.post("batches/" + id + "/restart", OPERATOR, "");
        assertThat(restartAgain.status())
                .as("only the newest execution of a job instance restarts")
                .isEqualTo(409);

        ids.forEach(task -> api.awaitState(task, "COMPLETED"));
        for (int i = 0; i < 40; i++) {
            assertThat(effects(run + "-" + i)).as("rows written for task " + i).isEqualTo(1);
        }
        JsonObject done = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api.get("batches/" + restarted.getJsonNumber("id"), VIEWER)
                                .json(),
                        e -> e.getString("status").equals("COMPLETED"));
        ApiClient.Response again = api.post("batches/" + done.getJsonNumber("id") + "/restart", OPERATOR, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem().getString("detail")).contains("COMPLETED");
    }

    @Test
    void aPausedGroupStartsNoExecutionUntilItIsResumed() {
        ApiClient api = api();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String group = "chunks-paused-" + run;
        List<String> ids = submitWhilePaused(api, group, run, 5, "");

        // the launcher looks every 250 ms to 1 s: an execution started for the paused group would claim nothing,
        // end, and be started again at its next look
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.batchExecutionsOf(group).isEmpty());

        api.post("groups/" + group + "/resume", OPERATOR, "");
        ids.forEach(task -> api.awaitState(task, "COMPLETED"));
        assertThat(api.batchExecutionsOf(group)).hasSize(1);
    }

    @Test
    void aGroupWhoseBreakerIsOpenStartsFewEmptyExecutions() {
        ApiClient api = api();
        String group = TideflowDeployment.CHUNK_BREAKER_GROUP;
        assertThat(api.post("groups/" + group + "/breaker/open", OPERATOR, "").status())
                .isEqualTo(200);
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<String> ids = submitChunkWrites(api, group, run, 3, "");

            // each execution's claim takes nothing while the breaker is open; without waiting between them the
            // launcher would start one every look (several a second), each ending empty
            await().during(Duration.ofSeconds(8))
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> api.batchExecutionsOf(group).size() <= 5);
            assertThat(api.batchExecutionsOf(group))
                    .as("the launcher tried the group")
                    .isNotEmpty();

            assertThat(api.post("groups/" + group + "/breaker/reset", OPERATOR, "")
                            .status())
                    .isEqualTo(200);
            ids.forEach(task -> api.awaitState(task, "COMPLETED"));
        } finally {
            api.post("groups/" + group + "/breaker/reset", OPERATOR, "");
        }
    }

    @Test
    void badExecutionIdsAreRefusedNamingTheField() {
        ApiClient api = api();
        ApiClient.Response unknown = api.get("batches/999999999", VIEWER);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.post("batches/999999999/restart", OPERATOR, "").status()).isEqualTo(404);
        ApiClient.Response notANumber = api.get("batches/abc", VIEWER);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.problem().getString("field")).isEqualTo("id");
        ApiClient.Response badLimit = api.get("batches?limit=0", VIEWER);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.problem().getString("field")).isEqualTo("limit");
        ApiClient.Response badBefore = api.get("batches?before=-3", VIEWER);
        assertThat(badBefore.status()).isEqualTo(400);
        assertThat(badBefore.problem().getString("field")).isEqualTo("before");
    }

    /**
     * Pauses the group and submits {@code count} chunk writes to it, marked {@code run-i}, with more payload fields
     * if any ({@code ,"name":value}); the group stays paused.
     */
    private static List<String> submitWhilePaused(ApiClient api, String group, String run, int count, String more) {
        api.post("groups/" + group + "/pause", OPERATOR, "");
        return submitChunkWrites(api, group, run, count, more);
    }

    /** Submits {@code count} chunk writes to the group, marked {@code run-i}, with more payload fields if any. */
    private static List<String> submitChunkWrites(ApiClient api, String group, String run, int count, String more) {
        List<String> submissions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            submissions.add("{\"type\":\"it.chunk-write\",\"group\":\"" + group + "\",\"payload\":{\"marker\":\"" + run
                    + "-" + i + "\"" + more + "}}");
        }
        return submitAll(api, submissions).getValuesAs(JsonString::getString);
    }

    private static JsonArray submitAll(ApiClient api, List<String> submissions) {
        ApiClient.Response created =
                api.post("tasks/batch", OPERATOR, "{\"tasks\":[" + String.join(",", submissions) + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getJsonArray("ids");
    }

    private int effects(String marker) {
        return Integer.parseInt(api().get("it/effects/" + marker, VIEWER).body().trim());
    }
}
