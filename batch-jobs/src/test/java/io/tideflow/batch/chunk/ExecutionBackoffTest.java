package io.tideflow.batch.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutionBackoffTest {

    private final ExecutionBackoff backoff = new ExecutionBackoff(1_000, 8_000);

    @Test
    void eachExecutionInARowThatWentWrongDoublesTheWaitUpToTheMaximum() {
        long now = 0;
        for (long expected : new long[] {1_000, 2_000, 4_000, 8_000, 8_000}) {
            assertThat(backoff.another("mail/bulk", now)).isEqualTo(expected);
            assertThat(backoff.waiting("mail/bulk", now + expected - 1)).isTrue();
            assertThat(backoff.waiting("mail/bulk", now + expected)).isFalse();
            now += expected;
        }
    }

    @Test
    void anExecutionThatWentRightEndsTheWaiting() {
        backoff.another("mail/bulk", 0);
        backoff.another("mail/bulk", 1_000);
        backoff.reset("mail/bulk");

        assertThat(backoff.waiting("mail/bulk", 2_000)).isFalse();
        backoff.another("mail/bulk", 5_000);
        assertThat(backoff.waiting("mail/bulk", 5_999))
                .as("the wait starts over at the first")
                .isTrue();
        assertThat(backoff.waiting("mail/bulk", 6_000)).isFalse();
    }

    @Test
    void eachTypeAndGroupWaitsOnItsOwn() {
        backoff.another("mail/bulk", 0);

        assertThat(backoff.waiting("mail/bulk", 500)).isTrue();
        assertThat(backoff.waiting("mail/other", 500)).isFalse();
    }
}
