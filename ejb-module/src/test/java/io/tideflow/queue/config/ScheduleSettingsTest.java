package io.tideflow.queue.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.recurring.MisfirePolicy;
import io.tideflow.queue.api.recurring.ScheduleRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleSettingsTest {

    @Test
    void aConfiguredScheduleIsReadWithEveryKey() {
        ScheduleSettings settings = ScheduleSettings.from(new MapConfig(Map.of(
                "tideflow.schedule.\"nightly-report\".type", "report.build",
                "tideflow.schedule.\"nightly-report\".cron", "0 2 * * *",
                "tideflow.schedule.\"nightly-report\".zone", "Europe/Berlin",
                "tideflow.schedule.\"nightly-report\".payload", "{\"format\":\"pdf\"}",
                "tideflow.schedule.\"nightly-report\".group", "reports",
                "tideflow.schedule.\"nightly-report\".priority", "7",
                "tideflow.schedule.\"nightly-report\".misfire", "catch-up",
                "tideflow.schedule.\"nightly-report\".catch-up-limit", "3",
                "tideflow.schedules.poll-interval", "PT0.5S",
                "tideflow.schedules.misfire-threshold", "PT5M")));

        assertThat(settings.configured())
                .containsOnlyKeys("nightly-report")
                .containsValue(new ScheduleRequest(
                        "nightly-report",
                        "report.build",
                        "{\"format\":\"pdf\"}",
                        "reports",
                        7,
                        "0 2 * * *",
                        "Europe/Berlin",
                        MisfirePolicy.CATCH_UP,
                        3));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.misfireThreshold()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void withoutKeysThereAreNoSchedulesAndAOneSecondPoll() {
        ScheduleSettings settings = ScheduleSettings.from(new MapConfig(Map.of()));

        assertThat(settings.configured()).isEmpty();
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.misfireThreshold()).isEqualTo(Duration.ofMinutes(1));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tideflow.schedule.\"x\".kron|* * * * *|is not a schedule key",
                "tideflow.schedule.x.cron|* * * * *|is not a schedule key",
                "tideflow.schedule.\"x\".cron|* * * * *|tideflow.schedule.\"x\".type",
                "tideflow.schedule.\"x\".type|demo.echo|tideflow.schedule.\"x\".cron",
                "tideflow.schedules.poll-interval|PT0.01S|",
                "tideflow.schedules.misfire-threshold|soon|"
            })
    void aBadKeyOrAMissingOneIsNamed(String key, String value, String named) {
        assertThatThrownBy(() -> ScheduleSettings.from(new MapConfig(Map.of(key, value))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(named == null ? key : named);
    }

    @Test
    void aMisfirePolicyOutsideTheThreeIsRefused() {
        assertThatThrownBy(() -> ScheduleSettings.from(new MapConfig(Map.of(
                        "tideflow.schedule.\"x\".type", "demo.echo",
                        "tideflow.schedule.\"x\".cron", "* * * * *",
                        "tideflow.schedule.\"x\".misfire", "sometimes"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("tideflow.schedule.\"x\".misfire")
                .hasMessageContaining("skip, run-once or catch-up");
    }
}
