package io.tideflow.queue.alerts;

import io.tideflow.queue.api.admin.AlertView;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the webhook receives: the body of one raise or clear, and its signature. The signature covers the moment of
 * the post and the delivery's id with the body, so a receiver that refuses old timestamps and ids it has seen cannot be
 * fed a recorded post again.
 */
final class WebhookPost {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String SIGNATURE_HEADER = "X-Tideflow-Signature";
    static final String TIMESTAMP_HEADER = "X-Tideflow-Timestamp";
    static final String DELIVERY_HEADER = "X-Tideflow-Delivery";

    private WebhookPost() {}

    /**
     * {@code {"event":"raised"|"cleared","alertId":..,"rule":..,"kind":..,"group":..,"message":..,"observed":..,
     * "threshold":..,"raisedAt":..,"raisedBy":..,"clearedAt":..}}.
     */
    static String body(String event, AlertView alert) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("event", event)
                .add("alertId", alert.id())
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
        return body.build().toString();
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of "timestamp.delivery.body" under the secret, all UTF-8. */
    static String signature(String secret, long timestampSeconds, long delivery, String body) {
        return "sha256=" + hmac(secret, timestampSeconds + "." + delivery + "." + body);
    }

    /** The hex HMAC-SHA256 of {@code text} under {@code secret}, both UTF-8. */
    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
