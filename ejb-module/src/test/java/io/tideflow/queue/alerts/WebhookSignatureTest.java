package io.tideflow.queue.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theHmacIsHexHmacSha256() {
        // RFC 4231, test case 2
        assertThat(WebhookPost.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theSignatureCoversTheTimestampAndTheDeliveryWithTheBody() {
        String body = "{\"event\":\"raised\"}";
        String signature = WebhookPost.signature("secret", 1_796_000_000L, 42, body);

        assertThat(signature).isEqualTo("sha256=" + WebhookPost.hmac("secret", "1796000000.42." + body));
        assertThat(WebhookPost.signature("secret", 1_796_000_001L, 42, body)).isNotEqualTo(signature);
        assertThat(WebhookPost.signature("secret", 1_796_000_000L, 43, body)).isNotEqualTo(signature);
    }

    @Test
    void failedPostsAreTriedAgainLaterAndLaterUpToAnHour() {
        assertThat(WebhookDeliverer.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(WebhookDeliverer.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WebhookDeliverer.backoff(10)).isEqualTo(Duration.ofSeconds(2_560));
        assertThat(WebhookDeliverer.backoff(11)).isEqualTo(Duration.ofHours(1));
        assertThat(WebhookDeliverer.backoff(WebhookDeliverer.MOST_ATTEMPTS)).isEqualTo(Duration.ofHours(1));
    }
}
