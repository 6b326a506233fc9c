package io.tideflow.queue.recurring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.InvalidTaskRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cron slots in a zone: five and six fields, macros, daylight-saving changes both ways, and refusals. */
class CronSlotsTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void fiveFieldsAreCrontabsMinuteToDayOfWeek() {
        CronSlots everyFive = CronSlots.parse("*/5 * * * *", "UTC");

        assertThat(everyFive.next(at("2026-12-01T10:02:30Z"), 3))
                .containsExactly(at("2026-12-01T10:05:00Z"), at("2026-12-01T10:10:00Z"), at("2026-12-01T10:15:00Z"));
    }

    @Test
    void sixFieldsStartWithTheSecond() {
        CronSlots everySecond = CronSlots.parse("* * * * * *", null);

        assertThat(everySecond.nextAfter(at("2026-12-01T10:00:00Z"))).isEqualTo(at("2026-12-01T10:00:01Z"));
        assertThat(everySecond.nextAfter(at("2026-12-01T10:00:00.400Z"))).isEqualTo(at("2026-12-01T10:00:01Z"));
        assertThat(everySecond.zone().getId()).isEqualTo("Z");
    }

    @Test
    void macrosNameCommonSchedules() {
        assertThat(CronSlots.parse("@daily", "Europe/Berlin").nextAfter(at("2026-12-01T10:00:00Z")))
                .isEqualTo(at("2026-12-01T23:00:00Z"));
        assertThat(CronSlots.parse("@HOURLY", "UTC").nextAfter(at("2026-12-01T10:00:00Z")))
                .isEqualTo(at("2026-12-01T11:00:00Z"));
    }

    @Test
    void aDailySlotInTheSkippedHourRunsShiftedByTheGapThatDay() {
        // Europe/Berlin skips 02:00-03:00 local on 2026-03-29: the 02:30 of that day runs at 03:30 CEST
        CronSlots daily = CronSlots.parse("30 2 * * *", "Europe/Berlin");

        assertThat(daily.next(at("2026-03-27T12:00:00Z"), 4))
                .containsExactly(
                        at("2026-03-28T01:30:00Z"), // 02:30 CET
                        at("2026-03-29T01:30:00Z"), // 03:30 CEST, the skipped 02:30
                        at("2026-03-30T00:30:00Z"), // 02:30 CEST
                        at("2026-03-31T00:30:00Z"));
    }

    @Test
    void anHourlySlotSkipsOnlyTheHourThatDoesNotExist() {
        CronSlots hourly = CronSlots.parse("15 * * * *", "Europe/Berlin");

        assertThat(hourly.next(at("2026-03-28T23:00:00Z"), 3))
                .containsExactly(
                        at("2026-03-28T23:15:00Z"), // 00:15 CET
                        at("2026-03-29T00:15:00Z"), // 01:15 CET
                        at("2026-03-29T01:15:00Z")); // 03:15 CEST, one hour later in real time
    }

    @Test
    void aDailySlotInTheRepeatedHourRunsOnceAndAnHourlyOneTwice() {
        // Europe/Berlin repeats 02:00-03:00 local on 2026-10-25
        CronSlots daily = CronSlots.parse("30 2 * * *", "Europe/Berlin");
        CronSlots hourly = CronSlots.parse("15 * * * *", "Europe/Berlin");

        assertThat(daily.next(at("2026-10-24T12:00:00Z"), 2))
                .containsExactly(at("2026-10-25T00:30:00Z"), at("2026-10-26T01:30:00Z"));
        assertThat(hourly.next(at("2026-10-24T23:30:00Z"), 3))
                .containsExactly(
                        at("2026-10-25T00:15:00Z"), // 02:15 CEST
                        at("2026-10-25T01:15:00Z"), // 02:15 CET
                        at("2026-10-25T02:15:00Z")); // 03:15 CET
    }

    @Test
    void everyMinuteAcrossTheSkippedHourHasNoDuplicateSlots() {
        CronSlots everyMinute = CronSlots.parse("* * * * *", "Europe/Berlin");

        assertThat(everyMinute.next(at("2026-03-29T00:58:00Z"), 4))
                .containsExactly(
                        at("2026-03-29T00:59:00Z"),
                        at("2026-03-29T01:00:00Z"),
                        at("2026-03-29T01:01:00Z"),
                        at("2026-03-29T01:02:00Z"));
    }

    @Test
    void theLatestSlotAtOrBeforeAnInstantIncludesOneShiftedOutOfAGap() {
        CronSlots daily = CronSlots.parse("30 2 * * *", "Europe/Berlin");

        assertThat(daily.latestAtOrBefore(at("2026-03-29T01:30:00Z"))).isEqualTo(at("2026-03-29T01:30:00Z"));
        assertThat(daily.latestAtOrBefore(at("2026-03-29T12:00:00Z"))).isEqualTo(at("2026-03-29T01:30:00Z"));
        assertThat(daily.latestAtOrBefore(at("2026-03-29T01:29:59Z"))).isEqualTo(at("2026-03-28T01:30:00Z"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "61 * * * *|cron|'61 * * * *' is not valid",
                "* * *|cron|is not a cron expression",
                "@fortnightly|cron|is not a cron expression",
                "' '|cron|is required",
                "0 0 30 2 *|cron|names no time that will come"
            })
    void aBadExpressionIsRefusedNamingCron(String cron, String field, String message) {
        assertThatThrownBy(() -> CronSlots.parse(cron, "UTC"))
                .isInstanceOfSatisfying(
                        InvalidTaskRequestException.class,
                        e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message);
    }

    @Test
    void anUnknownZoneIsRefusedNamingZone() {
        assertThatThrownBy(() -> CronSlots.parse("* * * * *", "Mars/Olympus"))
                .isInstanceOfSatisfying(
                        InvalidTaskRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("zone"))
                .hasMessageContaining("'Mars/Olympus' is not a time zone");
    }
}
