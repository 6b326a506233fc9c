package io.tideflow.queue.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final TokenBucket tenPerSecond = new TokenBucket(10, 1_000);

    @Test
    void refillsInProportionToTheTimeElapsed() {
        assertThat(tenPerSecond.refill(0, 0, 100)).isCloseTo(1.0, within(1e-9));
        assertThat(tenPerSecond.refill(2.5, 1_000, 1_250)).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void holdsAtMostOnePeriodsPermits() {
        assertThat(tenPerSecond.refill(0, 0, 60_000)).isEqualTo(10.0);
        assertThat(tenPerSecond.refill(9.5, 0, 1_000)).isEqualTo(10.0);
    }

    @Test
    void aClockThatStepsBackAddsNothing() {
        assertThat(tenPerSecond.refill(3, 5_000, 4_000)).isEqualTo(3.0);
    }

    @Test
    void overAMinuteOfClaimsTheRateIsKeptExactly() {
        double tokens = 10;
        long refilledAt = 0;
        int started = 0;
        // a claimer asking every 7 ms for all it may take, for one minute
        for (long now = 0; now <= 60_000; now += 7) {
            tokens = tenPerSecond.refill(tokens, refilledAt, now);
            refilledAt = now;
            int take = (int) Math.floor(tokens);
            tokens -= take;
            started += take;
        }
        assertThat(started).as("the first full bucket, then ten per second").isBetween(609, 610);
    }

    @Test
    void saysWhenTheNextWholeTokenIsDue() {
        assertThat(tenPerSecond.millisUntilNextToken(0)).isEqualTo(100);
        assertThat(tenPerSecond.millisUntilNextToken(0.75)).isEqualTo(25);
        assertThat(tenPerSecond.millisUntilNextToken(1.2)).isZero();
    }

    @Test
    void refusesARateOfNothing() {
        assertThatThrownBy(() -> new TokenBucket(0, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
