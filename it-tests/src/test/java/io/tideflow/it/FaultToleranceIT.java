package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Error classes and MicroProfile Fault Tolerance on deployed handlers (SmallRye, added to the server by the
 * configuration script): in-method retries, a Fault Tolerance breaker whose refusals do not burn attempts, a timeout
 * that is a transient failure, a handler's own retry time, and an escalated bug.
 */
@RunAsClient
class FaultToleranceIT extends TestHandlersDeployment {

    @Test
    void aFaultToleranceRetryActsWithinOneAttempt() {
        ApiClient api = api();
        String id = api.submit("{\"type\":\"it.ft-retry\"}");
        JsonObject done = api.awaitState(id, "COMPLETED");
        assertThat(done.getInt("result")).as("the third call succeeded").isEqualTo(3);
        assertThat(done.getInt("attempts")).isEqualTo(1);
    }

    @Test
    void refusalsOfAnOpenFaultToleranceBreakerAreDeferredWithoutBurningAttempts() {
        ApiClient api = api();
        String first = api.submit("{\"type\":\"it.ft-breaker\",\"maxAttempts\":3}");
        String second = api.submit("{\"type\":\"it.ft-breaker\",\"maxAttempts\":3}");
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> details(api, first).contains("CircuitBreakerOpenException")
                            && details(api, second).contains("CircuitBreakerOpenException"));
            for (String id : new String[] {first, second}) {
                JsonObject task = api.get("tasks/" + id, VIEWER).json();
                assertThat(task.getString("state")).isIn("PENDING", "RUNNING");
                assertThat(task.getInt("attempts"))
                        .as("only the calls that reached the relay count")
                        .isLessThanOrEqualTo(2);
                assertThat(details(api, id))
                        .contains("deferred: org.eclipse.microprofile.faulttolerance.exceptions"
                                + ".CircuitBreakerOpenException");
            }
            assertThat(api.get("tasks/" + first, VIEWER).json().getString("lastError"))
                    .startsWith("[TRANSIENT]")
                    .contains("relay down");
        } finally {
            awaitCancelled(api, first);
            awaitCancelled(api, second);
        }
    }

    @Test
    void aFaultToleranceTimeoutIsATransientFailure() {
        ApiClient api = api();
        String id = api.submit("{\"type\":\"it.ft-timeout\",\"maxAttempts\":1}");
        JsonObject dead = api.awaitState(id, "DEAD_LETTER");
        assertThat(dead.getString("lastError")).startsWith("[TRANSIENT]").contains("TimeoutException");
    }

    @Test
    void aHandlersRetryTimeIsKept() {
        ApiClient api = api();
        String id = api.submit("{\"type\":\"it.retry-later\",\"maxAttempts\":3}");
        JsonObject done = api.awaitState(id, "COMPLETED");
        assertThat(done.getInt("attempts")).isEqualTo(2);
        List<JsonObject> events = api.events(id);
        Instant failed = ApiClient.firstAt(events, "FAILED");
        Instant runAgain = events.stream()
                .filter(e -> e.getString("to").equals("RUNNING") && e.getInt("attempt") == 2)
                .map(e -> Instant.parse(e.getString("at")))
                .findFirst()
                .orElseThrow();
        assertThat(Duration.between(failed, runAgain))
                .as("the handler asked for two seconds")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        assertThat(events.stream()
                        .filter(e -> e.getString("to").equals("FAILED"))
                        .findFirst()
                        .orElseThrow()
                        .getString("detail"))
                .startsWith("[BUSINESS]");
    }

    @Test
    void aBugIsEscalatedAndStillRetried() {
        ApiClient api = api();
        String id = api.submit("{\"type\":\"it.buggy\",\"maxAttempts\":2}");
        JsonObject dead = api.awaitState(id, "DEAD_LETTER");
        assertThat(dead.getInt("attempts")).isEqualTo(2);
        assertThat(dead.getString("lastError")).startsWith("[SYSTEM]").contains("NullPointerException");
        assertThat(api.get("it/effects/escalated-" + id, VIEWER).body())
                .as("one TaskEscalated per attempt")
                .isEqualTo("2");
    }

    private static String details(ApiClient api, String id) {
        StringBuilder all = new StringBuilder();
        api.events(id).stream()
                .filter(e -> e.containsKey("detail") && e.get("detail") != JsonValue.NULL)
                .forEach(e -> all.append(e.getString("detail")).append('\n'));
        return all.toString();
    }

    private static void awaitCancelled(ApiClient api, String id) {
        // a deferred task comes back every 200 ms; cancel it while it waits
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    api.post("tasks/" + id + "/cancel", OPERATOR, "");
                    return api.get("tasks/" + id, VIEWER)
                            .json()
                            .getString("state")
                            .equals("CANCELLED");
                });
    }
}
