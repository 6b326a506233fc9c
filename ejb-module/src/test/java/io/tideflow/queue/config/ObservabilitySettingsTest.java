package io.tideflow.queue.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.admin.AlertKind;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservabilitySettingsTest {

    @Test
    void nothingConfiguredGivesTheDefaults() {
        assertThat(ObservabilitySettings.from(new MapConfig(Map.of()))).isEqualTo(ObservabilitySettings.defaults());
    }

    @Test
    void alertRulesAndTheWebhookAreRead() {
        ObservabilitySettings settings = ObservabilitySettings.from(new MapConfig(Map.of(
                "tideflow.alert.\"mail-errors\".kind", "error-rate",
                "tideflow.alert.\"mail-errors\".threshold", "0.25",
                "tideflow.alert.\"mail-errors\".group", "mail",
                "tideflow.alert.\"mail-errors\".window", "PT10M",
                "tideflow.alert.\"stuck\".kind", "oldest-due",
                "tideflow.alert.\"stuck\".threshold", "PT15M",
                "tideflow.alerts.webhook.url", "https://hooks.example.com/tideflow")));
        assertThat(settings.alertRules())
                .containsExactly(
                        new AlertRule("mail-errors", AlertKind.ERROR_RATE, "mail", 0.25, Duration.ofMinutes(10), 10),
                        new AlertRule("stuck", AlertKind.OLDEST_DUE, null, 900, Duration.ofMinutes(5), 10));
        assertThat(settings.webhookUrl()).isEqualTo(URI.create("https://hooks.example.com/tideflow"));
        // three flush intervals of 5 s (the late events' two, then the flush that writes them) and a minute
        assertThat(settings.rollupGrace()).isEqualTo(Duration.ofSeconds(75));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tideflow.alert.\"x\".kind|error-ratio|must be error-rate",
                "tideflow.alert.\"x\".kind|latency-spike|is an anomaly the detector finds without a rule",
                "tideflow.insights.interval|PT0S|between",
                "tideflow.anomalies.interval|PT2H|between",
                "tideflow.anomalies.factor|1|between 1.5",
                "tideflow.anomalies.backlog-minutes|60|between 3",
                "tideflow.alert.\"x\".treshold|0.5|not an alert setting",
                "tideflow.alert.x.kind|error-rate|not an alert key",
                "tideflow.events.queue-capacity|10|between 1000",
                "tideflow.metrics.library|prometheus|must be auto, micrometer",
                "tideflow.history.minute-retention|PT1H|between",
                "tideflow.alerts.webhook.url|ftp://example.com/x|http or https URL"
            })
    void aBadKeyOrValueNamesTheKeyAndTheValue(String key, String value, String problem) {
        assertThatThrownBy(() -> ObservabilitySettings.from(new MapConfig(Map.of(key, value))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(value)
                .hasMessageContaining(problem);
    }

    @Test
    void aRuleWithoutKindOrThresholdIsRefused() {
        assertThatThrownBy(() ->
                        ObservabilitySettings.from(new MapConfig(Map.of("tideflow.alert.\"x\".threshold", "0.5"))))
                .hasMessageContaining("tideflow.alert.\"x\".kind")
                .hasMessageContaining("is required");
        assertThatThrownBy(() -> ObservabilitySettings.from(new MapConfig(Map.of(
                        "tideflow.alert.\"x\".kind", "oldest-due", "tideflow.alert.\"x\".threshold", "ten minutes"))))
                .hasMessageContaining("ISO-8601 duration");
    }
}
