package io.tideflow.queue.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.PermanentFailure;
import io.tideflow.queue.api.PermanentTaskFailure;
import io.tideflow.queue.model.RetryDecision;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RetryDeciderTest {

    @PermanentFailure
    static class InvalidAddress extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static class InvalidLocalPart extends InvalidAddress {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aFailureIsRetriedWhileAttemptsRemain() {
        assertThat(RetryDecider.decide(1, 3, new IOException("reset"))).isEqualTo(RetryDecision.RETRY);
        assertThat(RetryDecider.decide(2, 3, new IOException("reset"))).isEqualTo(RetryDecision.RETRY);
        assertThat(RetryDecider.decide(3, 3, new IOException("reset"))).isEqualTo(RetryDecision.DEAD_LETTER);
    }

    @Test
    void aPermanentFailureDeadLettersAtOnceWhereverItIsInTheCauses() {
        assertThat(RetryDecider.decide(1, 5, new PermanentTaskFailure("bad input")))
                .isEqualTo(RetryDecision.DEAD_LETTER);
        assertThat(RetryDecider.decide(1, 5, new InvalidAddress())).isEqualTo(RetryDecision.DEAD_LETTER);
        assertThat(RetryDecider.decide(1, 5, new InvalidLocalPart()))
                .as("inherited")
                .isEqualTo(RetryDecision.DEAD_LETTER);
        assertThat(RetryDecider.decide(1, 5, new IllegalStateException("wrapped", new InvalidAddress())))
                .isEqualTo(RetryDecision.DEAD_LETTER);
    }
}
