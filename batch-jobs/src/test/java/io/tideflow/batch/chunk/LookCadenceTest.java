package io.tideflow.batch.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LookCadenceTest {

    private final LookCadence cadence = new LookCadence(250, 1_000, 2_000);

    @Test
    void looksThatFindOnlyWhatRunsSpreadOutToTheMaximum() {
        assertThat(cadence.lookDue(0)).isTrue();
        assertThat(cadence.looked(0, true, true, true)).isZero();
        assertThat(cadence.looked(10, true, false, true)).isEqualTo(260);
        assertThat(cadence.lookDue(259)).isFalse();
        assertThat(cadence.lookDue(260)).isTrue();
        assertThat(cadence.looked(260, true, false, true)).isEqualTo(760);
        assertThat(cadence.looked(760, true, false, true)).isEqualTo(1_760);
        assertThat(cadence.looked(1_760, true, false, true)).isEqualTo(3_760);
        assertThat(cadence.looked(3_760, true, false, true)).isEqualTo(5_760);
    }

    @Test
    void anEndedExecutionOrAStartedOneBringsTheNextLookBack() {
        cadence.looked(0, true, false, true);
        cadence.looked(250, true, false, true);
        cadence.looked(750, true, false, true);
        assertThat(cadence.lookDue(1_000)).isFalse();
        cadence.executionEnded();
        assertThat(cadence.lookDue(1_000)).isTrue();
        assertThat(cadence.looked(1_000, true, false, true)).isEqualTo(1_250);

        cadence.looked(1_250, true, false, true);
        assertThat(cadence.looked(1_750, true, true, true)).isEqualTo(1_750);
        assertThat(cadence.looked(1_750, true, false, true)).isEqualTo(2_000);
    }

    @Test
    void nothingDueAndNothingRunningLooksOnceASecond() {
        cadence.looked(0, true, false, true);
        cadence.looked(250, true, false, true);
        assertThat(cadence.looked(750, false, false, false)).isEqualTo(1_750);
        assertThat(cadence.looked(1_750, false, false, false)).isEqualTo(2_750);
        assertThat(cadence.looked(2_750, true, false, true)).isEqualTo(3_000);
    }
}
