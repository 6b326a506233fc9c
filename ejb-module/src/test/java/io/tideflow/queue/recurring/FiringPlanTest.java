package io.tideflow.queue.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.recurring.MisfirePolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which slots fire at a poll, driven by the clock the test passes: on time, and after each kind of misfire. */
class FiringPlanTest {

    private static final CronSlots EVERY_MINUTE = CronSlots.parse("* * * * *", "UTC");
    private static final CronSlots EVERY_SECOND = CronSlots.parse("* * * * * *", "UTC");
    private static final Duration THRESHOLD = Duration.ofMinutes(1);
    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    private static FiringPlan plan(CronSlots cron, Instant firstDue, Instant now, MisfirePolicy policy, int limit) {
        return FiringPlan.at(cron, firstDue, now, THRESHOLD, policy, limit);
    }

    @Test
    void nothingFiresBeforeTheNextSlot() {
        FiringPlan plan = plan(EVERY_MINUTE, NINE, NINE.minusMillis(1), MisfirePolicy.RUN_ONCE, 10);

        assertThat(plan.slots()).isEmpty();
        assertThat(plan.nextFireAt()).isEqualTo(NINE);
        assertThat(plan.missed()).isFalse();
    }

    @Test
    void aSlotFiresAtItsTimeAndTheNextSlotFollows() {
        FiringPlan plan = plan(EVERY_MINUTE, NINE, NINE.plusMillis(300), MisfirePolicy.SKIP, 10);

        assertThat(plan.slots()).containsExactly(NINE);
        assertThat(plan.nextFireAt()).isEqualTo(NINE.plusSeconds(60));
        assertThat(plan.missed()).isFalse();
    }

    @Test
    void slotsWithinTheThresholdAllFireWhateverThePolicy() {
        // a poll 3.5 s late on a per-second schedule: four slots, none missed
        for (MisfirePolicy policy : MisfirePolicy.values()) {
            FiringPlan plan = plan(EVERY_SECOND, NINE, NINE.plusMillis(3_500), policy, 1);

            assertThat(plan.slots())
                    .as("%s", policy)
                    .containsExactly(NINE, NINE.plusSeconds(1), NINE.plusSeconds(2), NINE.plusSeconds(3));
            assertThat(plan.nextFireAt()).isEqualTo(NINE.plusSeconds(4));
        }
    }

    @Test
    void skipFiresOnlyTheSlotsStillOnTime() {
        // down from 09:00 to 09:10:30: the slots 09:00 to 09:09 were missed, 09:10 is on time
        FiringPlan plan = plan(EVERY_MINUTE, NINE, NINE.plusSeconds(630), MisfirePolicy.SKIP, 10);

        assertThat(plan.slots()).containsExactly(NINE.plusSeconds(600));
        assertThat(plan.nextFireAt()).isEqualTo(NINE.plusSeconds(660));
        assertThat(plan.missed()).isTrue();
    }

    @Test
    void skipFiresNothingWhenEverySlotIsPastTheThreshold() {
        CronSlots hourly = CronSlots.parse("0 * * * *", "UTC");

        FiringPlan plan = plan(hourly, NINE, NINE.plusSeconds(3 * 3600 + 600), MisfirePolicy.SKIP, 10);

        assertThat(plan.slots()).isEmpty();
        assertThat(plan.nextFireAt()).isEqualTo(NINE.plusSeconds(4 * 3600));
        assertThat(plan.missed()).isTrue();
    }

    @Test
    void runOnceFiresOneTaskForTheLatestDueSlot() {
        FiringPlan plan = plan(EVERY_MINUTE, NINE, NINE.plusSeconds(630), MisfirePolicy.RUN_ONCE, 10);

        assertThat(plan.slots()).containsExactly(NINE.plusSeconds(600));
        assertThat(plan.nextFireAt()).isEqualTo(NINE.plusSeconds(660));
    }

    @Test
    void runOnceFiresForAMissedSlotWhenNoneIsOnTime() {
        CronSlots hourly = CronSlots.parse("0 * * * *", "UTC");

        FiringPlan plan = plan(hourly, NINE, NINE.plusSeconds(3 * 3600 + 600), MisfirePolicy.RUN_ONCE, 10);

        assertThat(plan.slots()).containsExactly(NINE.plusSeconds(3 * 3600));
        assertThat(plan.missed()).isTrue();
    }

    @Test
    void catchUpFiresTheLatestMissedSlotsUpToItsLimitThenTheOnTimeOnes() {
        // missed 09:00 to 09:09; the limit of 3 keeps 09:07, 09:08, 09:09; 09:10 is on time
        FiringPlan plan = plan(EVERY_MINUTE, NINE, NINE.plusSeconds(630), MisfirePolicy.CATCH_UP, 3);

        assertThat(plan.slots())
                .containsExactly(
                        NINE.plusSeconds(420), NINE.plusSeconds(480), NINE.plusSeconds(540), NINE.plusSeconds(600));
        assertThat(plan.nextFireAt()).isEqualTo(NINE.plusSeconds(660));
    }

    @Test
    void catchUpFiresEveryMissedSlotWhenFewerThanItsLimit() {
        // firstDue 09:08: missed 09:08 and 09:09 only
        FiringPlan plan = plan(EVERY_MINUTE, NINE.plusSeconds(480), NINE.plusSeconds(630), MisfirePolicy.CATCH_UP, 10);

        assertThat(plan.slots()).containsExactly(NINE.plusSeconds(480), NINE.plusSeconds(540), NINE.plusSeconds(600));
    }

    @Test
    void aLongOutageOnAPerSecondScheduleStaysBounded() {
        // a day down: 86,400 missed slots; the plan stays small and quick
        Instant dayLater = NINE.plus(Duration.ofDays(1)).plusMillis(500);

        FiringPlan catchUp = plan(EVERY_SECOND, NINE, dayLater, MisfirePolicy.CATCH_UP, 5);
        FiringPlan runOnce = plan(EVERY_SECOND, NINE, dayLater, MisfirePolicy.RUN_ONCE, 5);

        assertThat(catchUp.slots()).hasSize(5 + 60);
        assertThat(catchUp.slots().get(0)).isEqualTo(dayLater.minusSeconds(64).minusMillis(500));
        assertThat(runOnce.slots()).containsExactly(NINE.plus(Duration.ofDays(1)));
    }

    @Test
    void slotsAcrossTheSkippedHourFireOnceEach() {
        CronSlots daily = CronSlots.parse("30 2 * * *", "Europe/Berlin");
        Instant shifted = Instant.parse("2026-03-29T01:30:00Z");

        FiringPlan plan = plan(daily, shifted, shifted.plusSeconds(1), MisfirePolicy.RUN_ONCE, 10);

        assertThat(plan.slots()).containsExactly(shifted);
        assertThat(plan.nextFireAt()).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
    }
}
