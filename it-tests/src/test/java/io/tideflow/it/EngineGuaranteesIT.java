package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** History, requeue, cancel of a running task, permanent failures, timeouts and the non-transactional opt-out. */
@RunAsClient
class EngineGuaranteesIT extends TestHandlersDeployment {

    @Test
    void theHistoryListsEveryTransitionOfARetriedTask() {
        ApiClient api = api();
        String id = api.submit("{\"type\":\"demo.fail\",\"payload\":{\"failTimes\":1}}");
        api.awaitState(id, "COMPLETED");
        List<String> transitions = api.events(id).stream()
                .map(e -> (e.isNull("from") ? "-" : e.getString("from")) + ">" + e.getString("to"))
                .toList();
        assertThat(transitions)
                .containsExactly(
                        "-" + ">PENDING",
                        "PENDING>RUNNING",
                        "RUNNING>FAILED",
                        "FAILED>PENDING",
                        "PENDING>RUNNING",
                        "RUNNING>COMPLETED");
        assertThat(api.events(id).get(2).getString("detail")).contains("DemoFailure");
        assertThat(api.get("tasks/01a22059-3c17-7000-9c96-000000000000/history", VIEWER)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aDeadLetterIsRequeuedAsANewLinkedTaskAndStaysDead() {
        ApiClient api = api();
        String dead = api.submit("{\"type\":\"demo.fail\",\"payload\":{\"always\":true},\"maxAttempts\":1}");
        api.awaitState(dead, "DEAD_LETTER");
        assertThat(api.post("tasks/" + dead + "/requeue", VIEWER, "").status()).isEqualTo(403);

        ApiClient.Response requeued = api.post("tasks/" + dead + "/requeue", OPERATOR, "");
        assertThat(requeued.status()).isEqualTo(201);
        JsonObject copy = requeued.json();
        assertThat(copy.getString("requeuedFrom")).isEqualTo(dead);
        assertThat(copy.getJsonObject("payload"))
                .isEqualTo(api.get("tasks/" + dead, VIEWER).json().getJsonObject("payload"));
        api.awaitState(copy.getString("id"), "DEAD_LETTER");
        assertThat(api.get("tasks/" + dead, VIEWER).json().getString("state")).isEqualTo("DEAD_LETTER");

        String done = api.submit("{\"type\":\"demo.echo\"}");
        api.awaitState(done, "COMPLETED");
        assertThat(api.post("tasks/" + done + "/requeue", OPERATOR, "").status())
                .isEqualTo(409);
    }

    @Test
    void aRunningTaskAskedToStopEndsCancelled() {
        ApiClient api = api();
        String id = api.submit("{\"type\":\"demo.sleep\",\"payload\":{\"ms\":60000}}");
        api.awaitState(id, "RUNNING");
        ApiClient.Response asked = api.post("tasks/" + id + "/cancel", OPERATOR, "");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.json().getBoolean("cancelRequested")).isTrue();
        JsonObject cancelled = api.awaitState(id, "CANCELLED");
        assertThat(cancelled.getInt("attempts")).isEqualTo(1);
        assertThat(api.events(id).stream().map(e -> e.getString("detail", ""))).contains("stopped on a cancel request");
    }

    @Test
    void aPermanentFailureIsDeadLetteredWithoutARetry() {
        ApiClient api = api();
        String id = api.submit("{\"type\":\"it.reject\",\"maxAttempts\":5}");
        JsonObject dead = api.awaitState(id, "DEAD_LETTER");
        assertThat(dead.getInt("attempts")).isEqualTo(1);
        assertThat(dead.getString("lastError")).contains("PermanentTaskFailure").contains("can never succeed");
    }

    @Test
    void anAttemptPastItsTimeoutFailsAndItsWorkIsRolledBack() {
        ApiClient api = api();
        String marker = "hang-" + UUID.randomUUID();
        String id = api.submit("{\"type\":\"it.hang\",\"payload\":{\"marker\":\"" + marker + "\"}}");
        JsonObject dead = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("tasks/" + id, VIEWER).json(), t -> "DEAD_LETTER".equals(t.getString("state")));
        assertThat(dead.getInt("attempts")).as("it.hang allows 2 attempts").isEqualTo(2);
        assertThat(dead.getString("lastError")).contains("TaskTimeoutException").contains("PT2S");
        assertThat(api.get("it/effects/" + marker, VIEWER).body()).isEqualTo("0");
    }

    @Test
    void aNonTransactionalHandlerKeepsTheWorkOfAFailedAttempt() {
        ApiClient api = api();
        String marker = "nontx-" + UUID.randomUUID();
        String id = api.submit("{\"type\":\"it.non-transactional-write\",\"payload\":{\"marker\":\"" + marker + "\"}}");
        assertThat(api.awaitState(id, "COMPLETED").getInt("attempts")).isEqualTo(2);
        assertThat(api.get("it/effects/" + marker, VIEWER).body())
                .as("one row per attempt: at-least-once")
                .isEqualTo("2");
    }
}
