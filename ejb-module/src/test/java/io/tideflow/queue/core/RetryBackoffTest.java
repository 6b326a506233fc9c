package io.tideflow.queue.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    private final Duration base = Duration.ofSeconds(1);
    private final Duration max = Duration.ofMinutes(5);

    @Test
    void theCeilingDoublesFromTheBaseDelayUpToTheMaximum() {
        RetryBackoff backoff = new RetryBackoff(base, max, () -> 1.0);
        assertThat(backoff.ceilingAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceilingAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceilingAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.ceilingAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.ceilingAfter(10)).isEqualTo(max);
        assertThat(backoff.ceilingAfter(100)).isEqualTo(max);
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeRangeBelowTheCeiling() {
        Random random = new Random(42);
        RetryBackoff backoff = new RetryBackoff(base, max, random::nextDouble);
        long below = 0;
        long above = 0;
        for (int i = 0; i < 10_000; i++) {
            Duration delay = backoff.delayAfter(4);
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(8));
            if (delay.compareTo(Duration.ofSeconds(4)) < 0) {
                below++;
            } else {
                above++;
            }
        }
        assertThat(below).isBetween(4_700L, 5_300L);
        assertThat(above).isBetween(4_700L, 5_300L);
    }

    @Test
    void theDelayIsTheCeilingScaledByTheRandomDraw() {
        assertThat(new RetryBackoff(base, max, () -> 0.0).delayAfter(3)).isEqualTo(Duration.ZERO);
        assertThat(new RetryBackoff(base, max, () -> 0.5).delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
    }
}
