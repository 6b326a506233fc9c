package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alert rules (see {@link TideflowDeployment}) raise alerts that the API lists and the webhook receives once, signed,
 * and clear them once their condition ends: a stuck group, a breaker held open, an error rate. The webhook refuses
 * the first post of every delivery; each must arrive once all the same, from Tideflow's outbox.
 */
@RunAsClient
class AlertsIT extends TestHandlersDeployment {

    static final int WEBHOOK_PORT = 18_089;
    static final String WEBHOOK_SECRET = "it-webhook-secret";
    private static final String GROUP = "it-alerts";

    private HttpServer webhook;
    private final List<JsonObject> posted = new CopyOnWriteArrayList<>();
    private final List<Boolean> signedRight = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> refusedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void listen() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", WEBHOOK_PORT), 0);
        webhook.createContext("/alerts", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                String json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                String delivery = exchange.getRequestHeaders().getFirst("X-Tideflow-Delivery");
                String timestamp = exchange.getRequestHeaders().getFirst("X-Tideflow-Timestamp");
                // the signature covers the moment and the delivery with the body: a replayed post is recognisable
                signedRight.add(("sha256=" + hmac(timestamp + "." + delivery + "." + json))
                                .equals(exchange.getRequestHeaders().getFirst("X-Tideflow-Signature"))
                        && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 60);
                if (refusedOnce.add(delivery)) {
                    // every delivery's first post fails: Tideflow must post it again from its outbox
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                try (JsonReader reader = Json.createReader(new StringReader(json))) {
                    posted.add(reader.readObject());
                }
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
        ApiClient api = api();
        assertThat(api.post("groups/" + GROUP + "/pause", OPERATOR, "").status())
                .isEqualTo(200);
        String id = api.submit("{\"type\":\"demo.echo\",\"group\":\"" + GROUP + "\",\"payload\":1}");

        JsonObject alert = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> activeAlert(api, "it-stuck", GROUP), found -> found != null);
        assertThat(alert.getString("kind")).isEqualTo("OLDEST_DUE");
        assertThat(alert.getJsonNumber("observed").doubleValue()).isGreaterThan(1.0);
        assertThat(alert.getString("message")).contains("group it-alerts", "longer than 1.0 s");
        await().atMost(Duration.ofSeconds(30)).until(() -> events("it-stuck", "raised") == 1);

        assertThat(api.post("groups/" + GROUP + "/resume", OPERATOR, "").status())
                .isEqualTo(200);
        api.awaitState(id, "COMPLETED");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> activeAlert(api, "it-stuck", GROUP) == null);
        JsonObject cleared = api.get("alerts?limit=10", VIEWER).json().getJsonArray("alerts").stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("rule").equals("it-stuck"))
                .findFirst()
                .orElseThrow();
        assertThat(cleared.getBoolean("active")).isFalse();
        assertThat(cleared.containsKey("clearedAt")).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> events("it-stuck", "cleared") == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> events("it-stuck", "raised") == 1 && events("it-stuck", "cleared") == 1);
        assertThat(signedRight).isNotEmpty().containsOnly(true);
        assertThat(api.get("alerts?active=maybe", VIEWER).status()).isEqualTo(400);
    }

    @Test
    void aBreakerHeldOpenRaisesAnAlertUntilItIsReset() {
        ApiClient api = api();
        String group = "it-alert-breaker";
        assertThat(api.post("groups/" + group + "/breaker/open", OPERATOR, "").status())
                .isEqualTo(200);
        JsonObject alert = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> activeAlert(api, "it-breaker", group), found -> found != null);
        assertThat(alert.getString("kind")).isEqualTo("BREAKER_OPEN");
        assertThat(alert.getJsonNumber("observed").doubleValue()).isGreaterThan(1.0);

        assertThat(api.post("groups/" + group + "/breaker/reset", OPERATOR, "").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> activeAlert(api, "it-breaker", group) == null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events("it-breaker", "raised") == 1 && events("it-breaker", "cleared") == 1);
        assertThat(signedRight).containsOnly(true);
    }

    @Test
    void anErrorRateAboveTheThresholdRaisesAnAlert() {
        ApiClient api = api();
        String group = "it-alert-errors";
        api.awaitState(api.submit("{\"type\":\"demo.echo\",\"group\":\"" + group + "\"}"), "COMPLETED");
        for (int i = 0; i < 2; i++) {
            api.awaitState(
                    api.submit("{\"type\":\"it.buggy\",\"group\":\"" + group + "\",\"maxAttempts\":1}"), "DEAD_LETTER");
        }
        JsonObject alert = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> activeAlert(api, "it-errors", group), found -> found != null);
        assertThat(alert.getString("kind")).isEqualTo("ERROR_RATE");
        assertThat(alert.getJsonNumber("observed").doubleValue()).isCloseTo(2.0 / 3, within(1e-9));
        await().atMost(Duration.ofSeconds(30)).until(() -> events("it-errors", "raised") == 1);
    }

    private static JsonObject activeAlert(ApiClient api, String rule, String group) {
        return api.get("alerts?active=true", VIEWER).json().getJsonArray("alerts").stream()
                .map(JsonValue::asJsonObject)
                .filter(a ->
                        a.getString("rule").equals(rule) && a.getString("group").equals(group))
                .findFirst()
                .orElse(null);
    }

    private long events(String rule, String event) {
        return posted.stream()
                .filter(e ->
                        e.getString("rule").equals(rule) && e.getString("event").equals(event))
                .count();
    }

    private static String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
