package io.tideflow.admin.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlockRetryTest {

    private final AtomicInteger calls = new AtomicInteger();

    /** As an engine call reaches a resource: the EJB container's wrapper around the store's around the driver's. */
    private static RuntimeException victim(String sqlState) {
        SQLException driver = new SQLTransactionRollbackException("deadlock", sqlState);
        return new EJBTransactionRolledbackException(
                "rolled back", new PersistenceException("statement failed", driver));
    }

    @Test
    void aDeadlockVictimIsCalledAgainUntilItSucceeds() {
        String result = DeadlockRetry.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw victim(calls.get() == 1 ? "40001" : "40P01");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aVictimEveryTimeReachesTheCallerAfterTheLastAttempt() {
        assertThatThrownBy(() -> DeadlockRetry.call(() -> {
                    calls.incrementAndGet();
                    throw victim("40001");
                }))
                .satisfies(e -> assertThat(DeadlockRetry.isVictim(e)).isTrue());
        assertThat(calls).hasValue(DeadlockRetry.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotRepeated() {
        assertThatThrownBy(() -> DeadlockRetry.call(() -> {
                    calls.incrementAndGet();
                    throw new EJBTransactionRolledbackException(
                            "rolled back", new PersistenceException(new SQLException("unique", "23505")));
                }))
                .isInstanceOf(EJBTransactionRolledbackException.class);
        assertThat(calls).hasValue(1);
        assertThat(DeadlockRetry.isVictim(new IllegalStateException("no cause")))
                .isFalse();
    }
}
