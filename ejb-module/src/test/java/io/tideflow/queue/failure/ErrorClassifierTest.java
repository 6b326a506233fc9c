package io.tideflow.queue.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.ClassifiedAs;
import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.PermanentTaskFailure;
import io.tideflow.queue.api.RetryTaskAt;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskTimeoutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {

    @ClassifiedAs(ErrorClass.BUSINESS)
    static class QuotaExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static class DailyQuotaExceeded extends QuotaExceeded {
        private static final long serialVersionUID = 1L;
    }

    /** Stands in for MicroProfile Fault Tolerance's type, matched by name as on a server. */
    static final class CircuitBreakerOpenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void theDesignsErrorTableHasItsDefaults() {
        assertThat(classify(new PermanentTaskFailure("bad address"))).isEqualTo(ErrorClass.VALIDATION);
        assertThat(classify(new IllegalArgumentException("not a number"))).isEqualTo(ErrorClass.VALIDATION);
        assertThat(classify(new SocketTimeoutException("read timed out"))).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(classify(new UncheckedIOException(new IOException("reset")))).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(classify(new TaskTimeoutException(
                        TaskId.of("01a2206a-5a72-7000-aa9c-2d545d45ec63"), "t", Duration.ofSeconds(1))))
                .isEqualTo(ErrorClass.TRANSIENT);
        assertThat(classify(new SQLTransientConnectionException("gone"))).isEqualTo(ErrorClass.DATABASE);
        assertThat(classify(new RetryTaskAt(java.time.Instant.now(), "later"))).isEqualTo(ErrorClass.BUSINESS);
        assertThat(classify(new NullPointerException())).isEqualTo(ErrorClass.SYSTEM);
        assertThat(classify(new StackOverflowError())).isEqualTo(ErrorClass.SYSTEM);
        assertThat(classify(new RuntimeException("something else"))).isEqualTo(ErrorClass.TRANSIENT);
    }

    @Test
    void aDeclaredClassWinsAnywhereInTheCausesAndIsInherited() {
        assertThat(classify(new DailyQuotaExceeded())).isEqualTo(ErrorClass.BUSINESS);
        assertThat(classify(new IllegalStateException("wrapped", new QuotaExceeded())))
                .isEqualTo(ErrorClass.BUSINESS);
        assertThat(classify(new RuntimeException(new PermanentTaskFailure("no such customer"))))
                .isEqualTo(ErrorClass.VALIDATION);
    }

    @Test
    void theInnermostWellKnownCauseDecidesAmongWellKnownOnes() {
        assertThat(classify(new IllegalStateException("wrapped", new IOException("reset"))))
                .as("a network failure wrapped, not a bug")
                .isEqualTo(ErrorClass.TRANSIENT);
        assertThat(classify(new RuntimeException(new SQLException("deadlock")))).isEqualTo(ErrorClass.DATABASE);
    }

    @Test
    void aLookAlikeOfAFaultToleranceTypeIsNotTakenForIt() {
        // matched by full name: the real ones are deferred, as GroupApiIT shows on a server
        assertThat(classify(new CircuitBreakerOpenException())).isEqualTo(ErrorClass.TRANSIENT);
    }

    @Test
    void onlyFailuresOfTheDownstreamSystemCountAgainstTheBreaker() {
        assertThat(ErrorClass.TRANSIENT.countsAgainstBreaker()).isTrue();
        assertThat(ErrorClass.DATABASE.countsAgainstBreaker()).isTrue();
        assertThat(ErrorClass.VALIDATION.countsAgainstBreaker()).isFalse();
        assertThat(ErrorClass.BUSINESS.countsAgainstBreaker()).isFalse();
        assertThat(ErrorClass.SYSTEM.countsAgainstBreaker()).isFalse();
        assertThat(ErrorClass.DEFERRED.countsAgainstBreaker()).isFalse();
    }

    private static ErrorClass classify(Throwable error) {
        return ErrorClassifier.classify(error);
    }
}
