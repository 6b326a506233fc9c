package io.tideflow.queue.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.config.ClockSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockSkewTest {

    private static final Instant T = Instant.parse("2026-11-30T12:00:00Z");
    private final ClockSkew skew = new ClockSkew();

    ClockSkewTest() {
        skew.settings = new ClockSettings(Duration.ofSeconds(2));
    }

    @Test
    void theDatabasesTimeIsComparedWithTheMidpointOfTheRoundTrip() {
        // sent at T, answered 200 ms later: the database read its clock at about T + 100 ms of ours
        skew.measured(T, T.plusMillis(100).minusMillis(1_500), T.plusMillis(200));

        assertThat(skew.skew()).isEqualTo(Duration.ofMillis(1_500));
        assertThat(skew.trustworthy()).isTrue();
    }

    @Test
    void aClockBeyondTheBoundEitherWayIsNotTrustedUntilItIsBack() {
        skew.measured(T, T.minusSeconds(3), T);
        assertThat(skew.trustworthy()).as("3 s ahead").isFalse();

        skew.measured(T, T.plusSeconds(3), T);
        assertThat(skew.trustworthy()).as("3 s behind").isFalse();
        assertThat(skew.skew()).isEqualTo(Duration.ofSeconds(-3));

        skew.measured(T, T.plusMillis(50), T);
        assertThat(skew.trustworthy()).isTrue();
    }
}
