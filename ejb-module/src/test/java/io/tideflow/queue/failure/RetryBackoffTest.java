package io.tideflow.queue.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.model.RetryPolicy;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryPolicy doubling = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5));

    @Test
    void theCeilingGrowsByTheMultiplierFromTheBaseDelayUpToTheMaximum() {
        assertThat(RetryBackoff.ceilingAfter(doubling, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryBackoff.ceilingAfter(doubling, 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryBackoff.ceilingAfter(doubling, 5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(RetryBackoff.ceilingAfter(doubling, 9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(RetryBackoff.ceilingAfter(doubling, 10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RetryBackoff.ceilingAfter(doubling, 100_000)).isEqualTo(Duration.ofMinutes(5));
        RetryPolicy tripling = new RetryPolicy(Duration.ofMillis(100), 3.0, Duration.ofSeconds(10));
        assertThat(RetryBackoff.ceilingAfter(tripling, 3)).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void fullJitterSpreadsDelaysEvenlyBelowTheCeiling() {
        Random random = new Random(42);
        RetryBackoff backoff = new RetryBackoff(random::nextDouble);
        long below = 0;
        for (int i = 0; i < 10_000; i++) {
            Duration delay = backoff.delayAfter(doubling, 4);
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(8));
            below += delay.compareTo(Duration.ofSeconds(4)) < 0 ? 1 : 0;
        }
        assertThat(below).isBetween(4_700L, 5_300L);
    }

    @Test
    void theDelayIsTheCeilingScaledByTheRandomDraw() {
        assertThat(new RetryBackoff(() -> 0.0).delayAfter(doubling, 3)).isEqualTo(Duration.ZERO);
        assertThat(new RetryBackoff(() -> 0.5).delayAfter(doubling, 3)).isEqualTo(Duration.ofSeconds(2));
    }
}
