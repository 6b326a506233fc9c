package io.tideflow.queue.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentLatenciesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void percentilesCoverTheWindowAndForgetWhatFellOutOfIt() {
        RecentLatencies recent = new RecentLatencies(Duration.ofMinutes(5));
        for (int i = 0; i < 100; i++) {
            recent.record(Duration.ofMillis(1_000), T0.plusSeconds(i % 60));
        }
        recent.record(Duration.ofMillis(10), T0.plusSeconds(120));
        // 101 samples; rank 99.99 is the 98.99th of the 100 in (500, 1000] ms, interpolated linearly
        assertThat(recent.percentileSeconds(0.99, T0.plusSeconds(130))).isCloseTo(0.99495, within(0.0001));
        // 10:00 is out of the window that ends in 10:05; only the 10 ms sample of 10:02 is left
        assertThat(recent.percentileSeconds(0.99, T0.plus(Duration.ofMinutes(5))))
                .isCloseTo(0.010, within(0.001));
        assertThat(recent.percentileSeconds(0.99, T0.plus(Duration.ofMinutes(8))))
                .isZero();
    }

    @Test
    void aSlotReusedForALaterMinuteStartsEmpty() {
        RecentLatencies recent = new RecentLatencies(Duration.ofMinutes(2));
        recent.record(Duration.ofSeconds(5), T0);
        recent.record(Duration.ofMillis(2), T0.plus(Duration.ofMinutes(2)));
        assertThat(recent.percentileSeconds(1.0, T0.plus(Duration.ofMinutes(2))))
                .isCloseTo(0.002, within(0.0001));
    }
}
