package io.tideflow.admin.rest.body;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.BreakerView;
import io.tideflow.queue.api.admin.GroupView;
import io.tideflow.queue.api.admin.TaskEventView;
import io.tideflow.queue.api.admin.TaskPage;
import io.tideflow.queue.api.admin.TaskView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API's JSON as the servers' JSON-B (Yasson) writes the response records. */
class ResponseBodiesTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Instant T = Instant.parse("2026-11-30T10:00:00.120Z");

    @Test
    void aTaskEmbedsItsPayloadAndResultAsJsonAndLeavesOutWhatItLacks() {
        JsonObject json = write(TaskBody.of(task("{\"to\":\"a@b\"}", "[1,2]", 12L, true)));
        assertThat(json.getString("id")).isEqualTo("0190f2a8-0000-7000-8000-000000000001");
        assertThat(json.getString("state")).isEqualTo("COMPLETED");
        assertThat(json.getString("runAt")).isEqualTo("2026-11-30T10:00:00.120Z");
        assertThat(json.getJsonObject("payload").getString("to")).isEqualTo("a@b");
        assertThat(json.getJsonArray("result")).hasSize(2);
        assertThat(json.getJsonNumber("executionMs").longValue()).isEqualTo(12);
        assertThat(json.getBoolean("cancelRequested")).isTrue();

        JsonObject listed = write(TaskBody.of(task(null, null, null, false)));
        assertThat(listed).doesNotContainKeys("payload", "result", "executionMs", "cancelRequested", "lastError");
    }

    @Test
    void aPayloadThatIsTheJsonNullIsWrittenAsNull() {
        assertThat(write(TaskBody.of(task("null", null, null, false))).get("payload"))
                .isEqualTo(JsonValue.NULL);
    }

    @Test
    void theLastPageSaysSoWithAnExplicitNull() {
        JsonObject json = write(TaskPageBody.of(new TaskPage(List.of(task(null, null, null, false)), null)));
        assertThat(json.get("next")).isEqualTo(JsonValue.NULL);
        assertThat(json.getJsonArray("items")).hasSize(1);
    }

    @Test
    void theFirstEventOfAHistoryComesFromNull() {
        JsonObject json = write(HistoryBody.of(List.of(
                new TaskEventView(null, TaskState.PENDING, T, "node-a", 0, null),
                new TaskEventView(TaskState.PENDING, TaskState.RUNNING, T, "node-a", 1, "claimed"))));
        JsonObject first = json.getJsonArray("events").getJsonObject(0);
        assertThat(first.get("from")).isEqualTo(JsonValue.NULL);
        assertThat(first).doesNotContainKey("detail");
        assertThat(json.getJsonArray("events").getJsonObject(1).getString("detail"))
                .isEqualTo("claimed");
    }

    @Test
    void aGroupShowsEveryLimitEvenWhenUnsetAndItsBreakerWhenItHasOne() {
        GroupView limited = new GroupView(
                "mail",
                Map.of(TaskState.RUNNING, 2L, TaskState.PENDING, 5L),
                false,
                3,
                null,
                10,
                Duration.ofSeconds(1),
                true,
                new BreakerView(BreakerState.OPEN, 5, 9, T, null));
        JsonObject json = write(GroupsBody.group(limited));
        assertThat(json.getJsonNumber("running").longValue()).isEqualTo(2);
        assertThat(json.getJsonObject("depth").getJsonNumber("PENDING").longValue())
                .isEqualTo(5);
        assertThat(json.getJsonObject("limits").get("maxConcurrentCluster")).isEqualTo(JsonValue.NULL);
        assertThat(json.getJsonObject("limits").getString("ratePeriod")).isEqualTo("PT1S");
        assertThat(json.getString("limitsFrom")).isEqualTo("api");
        assertThat(json.getJsonObject("breaker").get("nextAttempt")).isEqualTo(JsonValue.NULL);

        GroupView plain = new GroupView("x", Map.of(), false, null, null, null, null, false, null);
        assertThat(write(GroupsBody.group(plain))).doesNotContainKey("breaker");
    }

    private static TaskView task(String payload, String result, Long executionMs, boolean cancelRequested) {
        return new TaskView(
                TaskId.of("0190f2a8-0000-7000-8000-000000000001"),
                "demo.echo",
                "default",
                TaskState.COMPLETED,
                5,
                1,
                3,
                T,
                T,
                T,
                null,
                payload,
                result,
                executionMs,
                cancelRequested,
                null);
    }

    private static JsonObject write(Object body) {
        try (var reader = Json.createReader(new StringReader(JSONB.toJson(body)))) {
            return reader.readObject();
        }
    }
}
