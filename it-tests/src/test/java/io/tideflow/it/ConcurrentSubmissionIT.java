package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Clients racing each other and the dispatcher get answers, never a 5xx: one idempotency key submitted sixteen times
 * at once (in the body and in the {@code Idempotency-Key} header), one dead letter requeued eight times at once, the first pause and limits of a new group at once, and
 * eight submitters beside a draining dispatcher (on Derby, where an insert and a claim could deadlock).
 */
@RunAsClient
class ConcurrentSubmissionIT extends TestHandlersDeployment {

    @Test
    void sixteenSubmissionsOfOneKeyAtOnceAllGetTheOneTaskAndOnlyOneIsToldItCreatedIt() throws Exception {
        ApiClient api = api();
        String key = "race-" + UUID.randomUUID();

        List<ApiClient.Response> answers = together(
                16,
                i -> i % 2 == 0
                        ? api.post("tasks", OPERATOR, "{\"type\":\"it.noop\",\"idempotencyKey\":\"" + key + "\"}")
                        : api.post("tasks", OPERATOR, "{\"type\":\"it.noop\"}", "Idempotency-Key", key));

        assertThat(answers.stream().map(ApiClient.Response::status))
                .as("one 201, the repeats 200")
                .containsExactlyInAnyOrder(
                        201, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        assertThat(answers.stream().map(answer -> answer.json().getString("id")).distinct())
                .hasSize(1);
    }

    @Test
    void eightRequeuesOfOneDeadLetterAtOnceMakeOneCopy() throws Exception {
        ApiClient api = api();
        String dead = api.submit("{\"type\":\"demo.fail\",\"payload\":{\"always\":true},\"maxAttempts\":1}");
        api.awaitState(dead, "DEAD_LETTER");

        List<ApiClient.Response> answers = together(8, i -> api.post("tasks/" + dead + "/requeue", OPERATOR, ""));

        assertThat(answers)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        assertThat(answers.stream().map(answer -> answer.json().getString("id")).distinct())
                .hasSize(1);
        // later, one at a time, still the same copy
        assertThat(api.post("tasks/" + dead + "/requeue", OPERATOR, "").json().getString("id"))
                .isEqualTo(answers.get(0).json().getString("id"));
    }

    @Test
    void theFirstPausesAndLimitsOfANewGroupAtOnceAllTakeEffect() throws Exception {
        ApiClient api = api();
        String group = "fresh-" + UUID.randomUUID().toString().substring(0, 8);

        List<ApiClient.Response> answers = together(
                8,
                i -> i % 2 == 0
                        ? api.post("groups/" + group + "/pause", OPERATOR, "")
                        : api.put("groups/" + group + "/limits", OPERATOR, "{\"maxConcurrent\":2}"));

        assertThat(answers)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
        jakarta.json.JsonObject view = api.get("groups", VIEWER).json().getJsonArray("groups").stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(candidate -> candidate.getString("name").equals(group))
                .findFirst()
                .orElseThrow();
        assertThat(view.getBoolean("paused")).as(view.toString()).isTrue();
        assertThat(view.getJsonObject("limits").getInt("maxConcurrent"))
                .as(view.toString())
                .isEqualTo(2);
        api.post("groups/" + group + "/resume", OPERATOR, "");
    }

    @Test
    void limitsOfEightGroupsSetAtOnceNeitherWaitOnEachOtherNorLogErrors() throws Exception {
        ApiClient api = api();
        String prefix = "many-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long logBefore = java.nio.file.Files.size(ItServer.serverLog());

        for (int round = 0; round < 5; round++) {
            List<ApiClient.Response> answers = together(
                    8,
                    i -> api.put("groups/" + prefix + i + "/limits", OPERATOR, "{\"maxConcurrent\":" + (i + 1) + "}"));
            assertThat(answers)
                    .allSatisfy(answer ->
                            assertThat(answer.status()).as(answer.body()).isEqualTo(200));
        }

        String logged = java.nio.file.Files.readString(ItServer.serverLog()).substring((int) logBefore);
        // before, each change read every group's row in its transaction, and two changes deadlocked on Derby
        assertThat(logged).doesNotContain("deadlock").doesNotContain(" ERROR ");
    }

    @Test
    void eightSubmittersBesideADrainingDispatcherSeeNoServerError() throws Exception {
        ApiClient api = api();
        int perSubmitter = 150;

        List<List<ApiClient.Response>> answers = together(8, i -> {
            List<ApiClient.Response> mine = new ArrayList<>(perSubmitter);
            for (int n = 0; n < perSubmitter; n++) {
                mine.add(
                        n % 10 == 9
                                ? api.post(
                                        "tasks/batch",
                                        OPERATOR,
                                        "{\"tasks\":[{\"type\":\"it.noop\"},{\"type\":\"it.noop\"}]}")
                                : api.post("tasks", OPERATOR, "{\"type\":\"it.noop\"}"));
            }
            return mine;
        });

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (List<ApiClient.Response> mine : answers) {
            for (ApiClient.Response answer : mine) {
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() == 201) {
                    if (answer.json().containsKey("ids")) {
                        answer.json().getJsonArray("ids").getValuesAs(jakarta.json.JsonString.class).stream()
                                .map(jakarta.json.JsonString::getString)
                                .forEach(ids::add);
                    } else {
                        ids.add(answer.json().getString("id"));
                    }
                }
            }
        }
        assertThat(statuses).as("answers by status").containsOnlyKeys(201);
        // every accepted task runs
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (String id : ids.subList(ids.size() - 20, ids.size())) {
                        assertThat(api.get("tasks/" + id, VIEWER).json().getString("state"))
                                .isEqualTo("COMPLETED");
                    }
                });
        assertThat(ids.stream()
                        .filter(id -> !api.get("tasks/" + id, VIEWER)
                                .json()
                                .getString("state")
                                .equals("COMPLETED")))
                .as("tasks not completed")
                .isEmpty();
    }

    /** Runs {@code n} calls on their own threads, released together, and returns their results in order. */
    private static <T> List<T> together(int n, Racer<T> racer) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return racer.run(index);
                };
                futures.add(threads.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Racer<T> {
        T run(int index) throws Exception;
    }
}
