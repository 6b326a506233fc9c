package io.tideflow.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An alert rule (a group's oldest due task waiting longer than a second, see {@link TideflowDeployment}) raises an
 * alert that the API lists and the webhook receives once, and clears it once the condition ends.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlertsIT {

    static final int WEBHOOK_PORT = 18_089;
    private static final String GROUP = "it-alerts";

    @ArquillianResource
    URL deploymentUrl;

    private HttpServer webhook;
    private final List<JsonObject> posted = new CopyOnWriteArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TideflowDeployment.withTestHandlers();
    }

    @BeforeEach
    void listen() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", WEBHOOK_PORT), 0);
        webhook.createContext("/alerts", exchange -> {
            try (InputStream body = exchange.getRequestBody();
                 JsonReader reader = Json.createReader(new StringReader(
                         new String(body.readAllBytes(), StandardCharsets.UTF_8)))) {
                posted.add(reader.readObject());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stopListening() {
        webhook.stop(0);
    }

    @Test
    void aStuckGroupRaisesAnAlertOnceAndClearsItOnceItMovesAgain() {
        ApiClient api = new ApiClient(URI.create(deploymentUrl.toString()).resolve("api/"));
        assertThat(api.post("groups/" + GROUP + "/pause", OPERATOR, "").status()).isEqualTo(200);
        String id = api.submit("{\"type\":\"demo.echo\",\"group\":\"" + GROUP + "\",\"payload\":1}");

        JsonObject alert = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> activeAlert(api), found -> found != null);
        assertThat(alert.getString("kind")).isEqualTo("OLDEST_DUE");
        assertThat(alert.getJsonNumber("observed").doubleValue()).isGreaterThan(1.0);
        assertThat(alert.getString("message")).contains("group it-alerts", "longer than 1.0 s");
        await().atMost(Duration.ofSeconds(10)).until(() -> events("raised") == 1);

        assertThat(api.post("groups/" + GROUP + "/resume", OPERATOR, "").status()).isEqualTo(200);
        api.awaitState(id, "COMPLETED");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> activeAlert(api) == null);
        JsonObject cleared = api.get("alerts?limit=10", VIEWER).json().getJsonArray("alerts").stream()
                .map(JsonValue::asJsonObject).filter(a -> a.getString("rule").equals("it-stuck")).findFirst()
                .orElseThrow();
        assertThat(cleared.getBoolean("active")).isFalse();
        assertThat(cleared.containsKey("clearedAt")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> events("cleared") == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> events("raised") == 1
                && events("cleared") == 1);
        assertThat(posted).allSatisfy(event -> {
            assertThat(event.getString("rule")).isEqualTo("it-stuck");
            assertThat(event.getString("group")).isEqualTo(GROUP);
        });
        assertThat(api.get("alerts?active=maybe", VIEWER).status()).isEqualTo(400);
    }

    private static JsonObject activeAlert(ApiClient api) {
        return api.get("alerts?active=true", VIEWER).json().getJsonArray("alerts").stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("rule").equals("it-stuck") && a.getString("group").equals(GROUP))
                .findFirst().orElse(null);
    }

    private long events(String event) {
        return posted.stream().filter(e -> e.getString("event").equals(event)).count();
    }
}
