package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
