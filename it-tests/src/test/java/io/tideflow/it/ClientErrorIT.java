package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
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
        assertThat(refused.problem().getString("field")).isEqualTo("type");
        ApiClient.Response missing = api().get("tasks/" + UUID.randomUUID() + "/history", ApiClient.VIEWER);
        assertThat(missing.status()).isEqualTo(404);

        assertThat(new String(Files.readAllBytes(ItServer.serverLog()), StandardCharsets.UTF_8))
                .as("a client error is not the server's to log")
                .doesNotContain(marker);
    }

    @Test
    void theContainersOwnRefusalsAreProblemsToo() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        URI tasks = URI.create(deploymentUrl.toString()).resolve("api/tasks");
        String operator =
                "Basic " + java.util.Base64.getEncoder().encodeToString(OPERATOR.getBytes(StandardCharsets.UTF_8));

        java.net.http.HttpResponse<String> unknownPath = http.send(
                java.net.http.HttpRequest.newBuilder(tasks.resolve("tasks/no/such/path"))
                        .header("Authorization", operator)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertProblem(unknownPath, 404);

        java.net.http.HttpResponse<String> wrongMethod = http.send(
                java.net.http.HttpRequest.newBuilder(tasks)
                        .header("Authorization", operator)
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.headers().firstValue("Allow").orElse("")).contains("POST");

        java.net.http.HttpResponse<String> html = http.send(
                java.net.http.HttpRequest.newBuilder(tasks)
                        .header("Authorization", operator)
                        .header("Accept", "text/html")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertProblem(html, 406);

        java.net.http.HttpResponse<String> undecodable = http.send(
                java.net.http.HttpRequest.newBuilder(tasks)
                        .header("Authorization", "Basic !!!not-base64!!!")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"it.noop\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertProblem(undecodable, 401);
        assertThat(undecodable.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Basic");
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemWithOrWithoutItsLength() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        URI batch = URI.create(deploymentUrl.toString()).resolve("api/tasks/batch");
        String operator =
                "Basic " + java.util.Base64.getEncoder().encodeToString(OPERATOR.getBytes(StandardCharsets.UTF_8));
        byte[] nineMiB = ("{\"tasks\":[{\"type\":\"it.noop\",\"payload\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] overTheLimit = ("{\"tasks\":[{\"type\":\"it.noop\",\"payload\":\""
                        + "x".repeat(9 * 1024 * 1024 + 256 * 1024) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        java.net.http.HttpResponse<String> declared = http.send(
                java.net.http.HttpRequest.newBuilder(batch)
                        .header("Authorization", operator)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(nineMiB))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertProblem(declared, 413);

        // chunked: no length to check up front
        java.net.http.HttpResponse<String> chunked = http.send(
                java.net.http.HttpRequest.newBuilder(batch)
                        .header("Authorization", operator)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(overTheLimit)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 413);
    }

    private static void assertProblem(java.net.http.HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(response.body())
                .startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status);
    }
}
