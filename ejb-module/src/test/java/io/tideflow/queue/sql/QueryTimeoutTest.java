package io.tideflow.queue.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.store.PostgresTestDatabase;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A runner with a query timeout has the database cancel a query that runs longer (PostgreSQL, the real one). */
class QueryTimeoutTest {

    private static final SqlCatalog SLEEPS = SqlCatalog.parsed("postgresql", "-- name: test.sleep\nSELECT pg_sleep(?)");

    @Test
    void aQueryBeyondItsTimeoutIsCancelledByTheDatabaseAndNamed() throws Exception {
        try (Connection connection = PostgresTestDatabase.server().getConnection()) {
            SqlRunner sql = new SqlRunner(SLEEPS, () -> connection).withQueryTimeout(Duration.ofSeconds(1));
            long started = System.nanoTime();
            assertThatThrownBy(() -> sql.list("test.sleep", row -> row.getString(1), 10))
                    .isInstanceOfSatisfying(SqlStatementException.class, e -> {
                        assertThat(e.sqlState()).as("query_canceled").isEqualTo("57014");
                        assertThat(e.getMessage()).startsWith("statement 'test.sleep' failed");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(sql.list("test.sleep", row -> "slept", 0)).containsExactly("slept");
        }
    }
}
