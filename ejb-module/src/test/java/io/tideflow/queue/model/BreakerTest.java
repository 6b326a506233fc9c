package io.tideflow.queue.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.BreakerState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BreakerTest {

    /** Opens at half the attempts failing, once 10 attempts are in the window of 60 s; 30 s open; 3 probes. */
    private final BreakerSettings settings = BreakerSettings.DEFAULTS;

    private final long t0 = 1_000_000;

    @Test
    void staysClosedBelowTheMinimumCallsEvenWhenEverythingFails() {
        Breaker breaker = Breaker.closed("mail", t0).withOutcomes(0, 9, t0 + 1, settings);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.failureCount()).isEqualTo(9);
        assertThat(breaker.lastFailureAt()).isEqualTo(t0 + 1);
    }

    @Test
    void closedOpensWhenTheRatioReachesTheThreshold() {
        Breaker breaker = Breaker.closed("mail", t0).withOutcomes(5, 4, t0 + 1, settings);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        breaker = breaker.withOutcomes(0, 1, t0 + 2, settings);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.nextAttemptAt()).isEqualTo(t0 + 2 + 30_000);
        assertThat(breaker.claimRoom(settings)).isZero();
    }

    @Test
    void successesAloneNeverOpenIt() {
        Breaker breaker =
                Breaker.closed("mail", t0).withOutcomes(0, 9, t0, settings).withOutcomes(100, 0, t0 + 1, settings);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.claimRoom(settings)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void oldFailuresFadeOutOfTheRollingWindow() {
        Breaker breaker = Breaker.closed("mail", t0).withOutcomes(0, 9, t0, settings);
        // 90 s later the window before has half its weight (4.5 failures); 6 successes make 10.5 calls, 43 % failing
        breaker = breaker.withOutcomes(6, 0, t0 + 90_000, settings);
        assertThat(breaker.previousFailures()).isEqualTo(9);
        assertThat(breaker.withOutcomes(0, 0, t0 + 90_000, settings).tripped(t0 + 90_000, settings))
                .isFalse();
        // two windows later nothing of the failures is left
        assertThat(breaker.withOutcomes(0, 1, t0 + 200_000, settings).state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void openTurnsHalfOpenOnlyOnceTheDelayHasPassed() {
        Breaker open = tripped();
        assertThat(open.beforeClaim(open.nextAttemptAt() - 1)).isSameAs(open);
        Breaker halfOpen = open.beforeClaim(open.nextAttemptAt());
        assertThat(halfOpen.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(halfOpen.claimRoom(settings)).isEqualTo(3);
        assertThat(halfOpen.version()).isGreaterThan(open.version());
    }

    @Test
    void halfOpenLetsOnlyTheProbesThrough() {
        Breaker halfOpen = tripped().beforeClaim(Long.MAX_VALUE - 1);
        Breaker twoOut = halfOpen.claimed(2, t0);
        assertThat(twoOut.claimRoom(settings)).isEqualTo(1);
        assertThat(twoOut.claimed(1, t0).claimRoom(settings)).isZero();
    }

    @Test
    void halfOpenClosesWhenEveryProbeSucceeded() {
        Breaker probing = tripped().beforeClaim(Long.MAX_VALUE - 1).claimed(3, t0);
        Breaker afterTwo = probing.withOutcomes(2, 0, t0 + 1, settings);
        assertThat(afterTwo.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(afterTwo.probeSuccesses()).isEqualTo(2);
        Breaker closed = afterTwo.withOutcomes(1, 0, t0 + 2, settings);
        assertThat(closed.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(closed.calls()).as("a fresh window").isZero();
    }

    @Test
    void halfOpenReopensOnAFailedProbe() {
        Breaker probing = tripped().beforeClaim(Long.MAX_VALUE - 1).claimed(3, t0);
        Breaker reopened = probing.withOutcomes(1, 1, t0 + 5, settings);
        assertThat(reopened.state()).isEqualTo(BreakerState.OPEN);
        assertThat(reopened.nextAttemptAt()).isEqualTo(t0 + 5 + 30_000);
    }

    @Test
    void lateOutcomesWhileOpenChangeNothingButTheLastFailure() {
        Breaker open = tripped();
        assertThat(open.withOutcomes(5, 0, t0 + 10, settings)).isSameAs(open);
        Breaker noted = open.withOutcomes(0, 2, t0 + 10, settings);
        assertThat(noted.state()).isEqualTo(BreakerState.OPEN);
        assertThat(noted.nextAttemptAt()).isEqualTo(open.nextAttemptAt());
        assertThat(noted.lastFailureAt()).isEqualTo(t0 + 10);
    }

    @Test
    void aForcedOpenBreakerStaysOpenUntilClosedOrReset() {
        Breaker forced = Breaker.closed("mail", t0).forcedOpen(t0);
        assertThat(forced.beforeClaim(t0 + Duration.ofDays(365).toMillis()).state())
                .isEqualTo(BreakerState.OPEN);
        assertThat(forced.forcedClosed(t0 + 1).state()).isEqualTo(BreakerState.CLOSED);
        Breaker reset = tripped().reset(t0 + 2);
        assertThat(reset.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(reset.calls()).isZero();
        assertThat(reset.lastFailureAt()).isZero();
    }

    @Test
    void closingByHandKeepsTheCountsSoPersistentFailuresOpenItAgain() {
        Breaker closed =
                Breaker.closed("mail", t0).withOutcomes(4, 5, t0, settings).forcedClosed(t0 + 1);
        assertThat(closed.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(closed.withOutcomes(0, 1, t0 + 2, settings).state()).isEqualTo(BreakerState.OPEN);
    }

    private Breaker tripped() {
        Breaker open = Breaker.closed("mail", t0).withOutcomes(0, 10, t0, settings);
        assertThat(open.state()).isEqualTo(BreakerState.OPEN);
        return open;
    }
}
