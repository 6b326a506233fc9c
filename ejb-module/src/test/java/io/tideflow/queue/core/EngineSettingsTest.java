package io.tideflow.queue.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineSettingsTest {

    @Test
    void anEmptyConfigurationGivesTheDocumentedDefaults() {
        EngineSettings settings = EngineSettings.from(new MapConfig(Map.of("tideflow.node.id", "n1")));
        assertThat(settings).isEqualTo(new EngineSettings("n1", 8, Duration.ofSeconds(1), Duration.ofSeconds(30),
                262_144, 5, 5, Duration.ofSeconds(1), Duration.ofMinutes(5), false));
    }

    @Test
    void configuredValuesAreRead() {
        EngineSettings settings = EngineSettings.from(new MapConfig(Map.of(
                "tideflow.node.id", "n2", "tideflow.dispatcher.workers", "16",
                "tideflow.lease.duration", "PT2M", "tideflow.demo.enabled", "true")));
        assertThat(settings.workers()).isEqualTo(16);
        assertThat(settings.leaseDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.demoEnabled()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tideflow.dispatcher.workers|0|between 1 and 256",
            "tideflow.dispatcher.workers|many|whole number",
            "tideflow.lease.duration|30s|ISO-8601 duration",
            "tideflow.lease.duration|PT0.5S|between",
            "tideflow.payload.max-bytes|-1|between",
            "tideflow.task.priority|10|between 0 and 9",
            "tideflow.demo.enabled|yes|true or false"})
    void aBadValueIsRefusedWithItsKeyAndValue(String key, String value, String problem) {
        assertThatThrownBy(() -> EngineSettings.from(new MapConfig(Map.of(key, value))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(problem);
    }
}
