package io.tideflow.queue.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.model.RetryPolicy;
import io.tideflow.queue.model.TaskTypePolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineSettingsTest {

    @Test
    void anEmptyConfigurationGivesTheDocumentedDefaults() {
        EngineSettings settings = EngineSettings.from(new MapConfig(Map.of("tideflow.node.id", "n1")));
        assertThat(settings)
                .isEqualTo(new EngineSettings(
                        "n1",
                        true,
                        8,
                        64,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        262_144,
                        new TaskTypePolicy(
                                5,
                                5,
                                new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5)),
                                Duration.ofMinutes(5)),
                        false));
        assertThat(settings).isEqualTo(EngineSettings.defaults().withNodeId("n1"));
    }

    @Test
    void configuredValuesAreRead() {
        EngineSettings settings = EngineSettings.from(new MapConfig(Map.of(
                "tideflow.node.id",
                "n2",
                "tideflow.dispatcher.workers",
                "16",
                "tideflow.lease.duration",
                "PT2M",
                "tideflow.demo.enabled",
                "true",
                "tideflow.dispatcher.enabled",
                "false")));
        assertThat(settings.workers()).isEqualTo(16);
        assertThat(settings.dispatcherEnabled()).isFalse();
        assertThat(settings.leaseDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.demoEnabled()).isTrue();
        assertThat(settings.heartbeatInterval())
                .as("a third of the lease unless set")
                .isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void aTypesOwnKeysOverrideTheEngineDefaultsAndTheRestFallsBack() {
        MapConfig config = new MapConfig(Map.of(
                "tideflow.retry.multiplier", "3",
                "tideflow.type.\"mail.send\".max-attempts", "9",
                "tideflow.type.\"mail.send\".retry.base-delay", "PT2S",
                "tideflow.type.\"mail.send\".timeout", "PT30S",
                "tideflow.type.\"mail.send\".group", "mail-relay"));
        EngineSettings settings = EngineSettings.from(config);
        ConfiguredTypePolicies types = new ConfiguredTypePolicies(config, settings);
        TaskTypePolicy mail = types.policyOf("mail.send", "default");
        assertThat(mail.maxAttempts()).isEqualTo(9);
        assertThat(mail.priority()).isEqualTo(5);
        assertThat(mail.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mail.retry()).isEqualTo(new RetryPolicy(Duration.ofSeconds(2), 3.0, Duration.ofMinutes(5)));
        assertThat(types.groupOf("mail.send")).contains("mail-relay");
        assertThat(types.policyOf("other", "default")).isEqualTo(settings.taskDefaults());
    }

    @Test
    void aTypeTakesWhatItLeavesOutFromItsGroupThenFromTheEngine() {
        MapConfig config = new MapConfig(Map.of(
                "tideflow.group.\"mail-relay\".priority", "8",
                "tideflow.group.\"mail-relay\".retry.base-delay", "PT10S",
                "tideflow.group.\"mail-relay\".max-attempts", "7",
                "tideflow.type.\"mail.send\".max-attempts", "9"));
        ConfiguredTypePolicies types = new ConfiguredTypePolicies(config, EngineSettings.from(config));
        TaskTypePolicy inRelay = types.policyOf("mail.send", "mail-relay");
        assertThat(inRelay.maxAttempts()).as("the type's own").isEqualTo(9);
        assertThat(inRelay.priority()).as("the group's").isEqualTo(8);
        assertThat(inRelay.retry().baseDelay()).as("the group's").isEqualTo(Duration.ofSeconds(10));
        assertThat(inRelay.timeout()).as("the engine's").isEqualTo(Duration.ofMinutes(5));
        assertThat(types.policyOf("mail.send", "default").priority())
                .as("another group")
                .isEqualTo(5);
    }

    @Test
    void aBadGroupKeyFailsValidationWithTheKeyNamed() {
        MapConfig config = new MapConfig(Map.of("tideflow.group.\"mail-relay\".priority", "12"));
        ConfiguredTypePolicies types = new ConfiguredTypePolicies(config, EngineSettings.from(config));
        assertThatThrownBy(() -> types.validate(java.util.Set.of(), java.util.Set.of("mail-relay")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'tideflow.group.\"mail-relay\".priority'")
                .hasMessageContaining("'12'");
    }

    @Test
    void aBadTypeKeyFailsValidationWithTheKeyNamed() {
        MapConfig config = new MapConfig(Map.of("tideflow.type.\"mail.send\".retry.multiplier", "0.5"));
        ConfiguredTypePolicies types = new ConfiguredTypePolicies(config, EngineSettings.from(config));
        assertThatThrownBy(() -> types.validate(java.util.Set.of("mail.send"), java.util.Set.of()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'tideflow.type.\"mail.send\".retry.multiplier'")
                .hasMessageContaining("'0.5'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tideflow.dispatcher.workers|0|between 1 and 256",
                "tideflow.dispatcher.workers|many|whole number",
                "tideflow.lease.duration|30s|ISO-8601 duration",
                "tideflow.lease.duration|PT0.5S|between",
                "tideflow.payload.max-bytes|-1|between",
                "tideflow.task.priority|10|between 0 and 9",
                "tideflow.task.timeout|PT0.01S|between",
                "tideflow.lease.heartbeat-interval|PT31S|between",
                "tideflow.demo.enabled|yes|true or false"
            })
    void aBadValueIsRefusedWithItsKeyAndValue(String key, String value, String problem) {
        assertThatThrownBy(() -> EngineSettings.from(new MapConfig(Map.of(key, value))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(problem);
    }
}
