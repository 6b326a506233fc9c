package io.tideflow.queue.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.model.BreakerSettings;
import io.tideflow.queue.model.GroupLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupSettingsTest {

    @Test
    void everyGroupKeyIsRead() {
        Map<String, ConfiguredGroup> groups = GroupSettings.from(new MapConfig(Map.of(
                "tideflow.group.\"mail-relay\".max-concurrent", "4",
                "tideflow.group.\"mail-relay\".max-concurrent-cluster", "10",
                "tideflow.group.\"mail-relay\".rate", "50/PT1S",
                "tideflow.group.\"payments\".rate", " 600 / PT1M ",
                "tideflow.node.id", "n1")));
        assertThat(groups).containsOnlyKeys("mail-relay", "payments");
        assertThat(groups.get("mail-relay").limits()).isEqualTo(new GroupLimits(4, 10, 50, 1_000L));
        assertThat(groups.get("payments").limits()).isEqualTo(new GroupLimits(null, null, 600, 60_000L));
        assertThat(groups.get("payments").breaker())
                .as("no breaker key, no breaker")
                .isNull();
    }

    @Test
    void anyBreakerKeyGivesTheGroupABreakerWithDefaultsForTheRest() {
        Map<String, ConfiguredGroup> groups = GroupSettings.from(new MapConfig(Map.of(
                "tideflow.group.\"mail\".breaker.failure-ratio", "0.25",
                "tideflow.group.\"mail\".breaker.open-delay", "PT10S",
                "tideflow.group.\"db\".breaker.enabled", "true",
                "tideflow.group.\"off\".breaker.enabled", "false")));
        assertThat(groups.get("mail").breaker())
                .isEqualTo(new BreakerSettings(0.25, 10, Duration.ofMinutes(1), Duration.ofSeconds(10), 3));
        assertThat(groups.get("db").breaker()).isEqualTo(BreakerSettings.DEFAULTS);
        assertThat(groups.get("off").breaker()).isNull();
    }

    @Test
    void aWeightSharesTheDispatcherWithoutRestrictingTheGroup() {
        Map<String, ConfiguredGroup> groups = GroupSettings.from(new MapConfig(Map.of(
                "tideflow.group.\"tenant-a\".weight", "3",
                "tideflow.group.\"tenant-b\".max-concurrent", "2")));
        assertThat(groups.get("tenant-a").weight()).isEqualTo(3);
        assertThat(groups.get("tenant-a").limits()).isEqualTo(new GroupLimits(null, null, null, null));
        assertThat(groups.get("tenant-b").weight()).isEqualTo(ConfiguredGroup.DEFAULT_WEIGHT);
    }

    @Test
    void noGroupKeysMeanNoGroups() {
        assertThat(GroupSettings.from(new MapConfig(Map.of("tideflow.node.id", "n1"))))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tideflow.group.\"mail\".max-concurent|3|not a group setting",
                "tideflow.group.mail.max-concurrent|3|not a group key",
                "tideflow.group.\"no spaces\".max-concurrent|3|a group name is",
                "tideflow.group.\"mail\".max-concurrent|0|between 1 and 100000",
                "tideflow.group.\"mail\".weight|0|between 1 and 1000",
                "tideflow.group.\"mail\".weight|heavy|whole number",
                "tideflow.group.\"mail\".max-concurrent-cluster|many|whole number",
                "tideflow.group.\"mail\".rate|50|permits per period",
                "tideflow.group.\"mail\".rate|50/second|ISO-8601 duration",
                "tideflow.group.\"mail\".rate|0/PT1S|at least 1 permit",
                "tideflow.group.\"mail\".rate|5/PT0S|at least 1 permit",
                "tideflow.group.\"mail\".breaker.failure-ratio|1.5|between",
                "tideflow.group.\"mail\".breaker.probes|none|whole number",
                "tideflow.group.\"mail\".breaker.window|60|ISO-8601 duration",
                "tideflow.group.\"mail\".breaker.threshold|3|not a group setting"
            })
    void aBadKeyOrValueNamesTheKeyAndTheValue(String key, String value, String problem) {
        assertThatThrownBy(() -> GroupSettings.from(new MapConfig(Map.of(key, value))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(value)
                .hasMessageContaining(problem);
    }
}
