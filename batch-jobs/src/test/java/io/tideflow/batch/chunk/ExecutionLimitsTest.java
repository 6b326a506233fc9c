package io.tideflow.batch.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExecutionLimitsTest {

    @Test
    void limitsInRangeAreKept() {
        assertThat(new ExecutionLimits(4, 1)).isEqualTo(new ExecutionLimits(4, 1));
        assertThat(new ExecutionLimits(4, 4).perGroup()).isEqualTo(4);
    }

    @Test
    void limitsOutOfRangeNameTheSettingAndTheValue() {
        assertThatThrownBy(() -> new ExecutionLimits(0, 1))
                .hasMessage("tideflow.batch.max-executions must be 1..100, was 0");
        assertThatThrownBy(() -> new ExecutionLimits(4, 5))
                .hasMessage("tideflow.batch.executions-per-group must be 1..4 (tideflow.batch.max-executions), was 5");
        assertThatThrownBy(() -> new ExecutionLimits(4, 0))
                .hasMessageStartingWith("tideflow.batch.executions-per-group must be 1..4");
    }
}
