package io.tideflow.batch.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmptyExecutionBackoffTest {

    private final EmptyExecutionBackoff backoff = new EmptyExecutionBackoff(1_000, 8_000);

    @Test
    void eachEmptyExecutionInARowDoublesTheWaitUpToTheMaximum() {
        long now = 0;
        for (long expected : new long[] {1_000, 2_000, 4_000, 8_000, 8_000}) {
            backoff.ended("mail/bulk", 0, now);
            assertThat(backoff.waiting("mail/bulk", now + expected - 1)).isTrue();
            assertThat(backoff.waiting("mail/bulk", now + expected)).isFalse();
            now += expected;
        }
    }

    @Test
    void anExecutionThatReadATaskEndsTheWaiting() {
        backoff.ended("mail/bulk", 0, 0);
        backoff.ended("mail/bulk", 0, 1_000);
        backoff.ended("mail/bulk", 3, 2_000);

        assertThat(backoff.waiting("mail/bulk", 2_000)).isFalse();
        backoff.ended("mail/bulk", 0, 5_000);
        assertThat(backoff.waiting("mail/bulk", 5_999))
                .as("the wait starts over at the first")
                .isTrue();
        assertThat(backoff.waiting("mail/bulk", 6_000)).isFalse();
    }

    @Test
    void eachTypeAndGroupWaitsOnItsOwn() {
        backoff.ended("mail/bulk", 0, 0);

        assertThat(backoff.waiting("mail/bulk", 500)).isTrue();
        assertThat(backoff.waiting("mail/other", 500)).isFalse();
    }
}
