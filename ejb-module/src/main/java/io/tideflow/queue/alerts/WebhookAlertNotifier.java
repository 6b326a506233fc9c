package io.tideflow.queue.alerts;

import io.tideflow.queue.api.admin.AlertNotifier;
import io.tideflow.queue.api.admin.AlertView;
import io.tideflow.queue.config.ObservabilitySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts alerts as JSON to {@code tideflow.alerts.webhook.url} (nothing when it is not set):
 * {@code {"event":"raised"|"cleared","rule":..,"kind":..,"group":..,"message":..,"observed":..,"threshold":..,
 * "raisedAt":..,"clearedAt":..}}. With {@code tideflow.alerts.webhook.secret} set, each post carries
 * {@code X-Tideflow-Signature: sha256=<hex HMAC-SHA256 of the body>} so the receiver can tell it came from Tideflow.
 * A failed post is logged, not retried.
 */
@ApplicationScoped
public class WebhookAlertNotifier implements AlertNotifier {

    private static final Logger LOG = Logger.getLogger(WebhookAlertNotifier.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String SIGNATURE_HEADER = "X-Tideflow-Signature";

    @Inject
    ObservabilitySettings settings;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Override
    public void raised(AlertView alert) {
        post("raised", alert);
    }

    @Override
    public void cleared(AlertView alert) {
        post("cleared", alert);
    }

    private void post(String event, AlertView alert) {
        URI url = settings.webhookUrl();
        if (url == null) {
            return;
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("event", event)
                .add("rule", alert.rule())
                .add("kind", alert.kind().name())
                .add("group", alert.group())
                .add("message", alert.message())
                .add("observed", alert.observed())
                .add("threshold", alert.threshold())
                .add("raisedAt", alert.raisedAt().toString())
                .add("raisedBy", alert.raisedBy());
        if (alert.clearedAt() != null) {
            body.add("clearedAt", alert.clearedAt().toString());
        }
        String json = body.build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (settings.webhookSecret() != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + signature(settings.webhookSecret(), json));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                // never the URL: it may carry a token
                LOG.warning(() -> "the alert webhook answered " + response.statusCode() + " to " + event + " "
                        + alert.rule() + " (" + alert.group() + ")");
            }
        } catch (IOException e) {
            LOG.warning(() -> "posting " + event + " " + alert.rule() + " to the alert webhook failed: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code secret}, both UTF-8. */
    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
