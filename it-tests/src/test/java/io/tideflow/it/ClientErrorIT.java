package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Client errors are the caller's, not the server's: an in-process caller catches the engine's own exception and its
 * transaction goes on; a refused REST request leaves nothing in the server log.
 */
@RunAsClient
class ClientErrorIT extends TestHandlersDeployment {

    @Test
    void anInProcessCallerCatchesTheRefusalItselfAndItsTransactionGoesOn() {
        ApiClient.Response ran = api().post("it/in-process-enqueue/no.such.type", OPERATOR, "");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        JsonObject outcome = ran.json();
        assertThat(outcome.getString("caught")).isEqualTo("UnknownTaskTypeException");
        // enqueued after the refusal, in the same transaction, which committed
        assertThat(api().awaitState(outcome.getString("id"), "COMPLETED").getString("result"))
                .isEqualTo("after a refusal");
    }

    @Test
    void theQuickstartsDemoTypesAndUsersAreWarnedAboutAtStart() throws Exception {
        // the suites' server is configured with --quickstart
        assertThat(new String(Files.readAllBytes(ItServer.serverLog()), StandardCharsets.UTF_8))
                .contains("io.tideflow.admin.demo.DemoWarning")
                .contains("Tideflow's demo task types are enabled");
    }

    @Test
    void aRefusedRequestLeavesNothingInTheServerLog() throws Exception {
        String marker = "unknown-" + UUID.randomUUID();
        ApiClient.Response refused = api().post("tasks", OPERATOR, "{\"type\":\"" + marker + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("type");
        ApiClient.Response missing = api().get("tasks/" + UUID.randomUUID() + "/history", ApiClient.VIEWER);
        assertThat(missing.status()).isEqualTo(404);

        assertThat(new String(Files.readAllBytes(ItServer.serverLog()), StandardCharsets.UTF_8))
                .as("a client error is not the server's to log")
                .doesNotContain(marker);
    }
}
