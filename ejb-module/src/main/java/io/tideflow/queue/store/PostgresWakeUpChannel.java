package io.tideflow.queue.store;

import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Cross-node wake-up over PostgreSQL {@code LISTEN/NOTIFY}: a node that enqueued announces it on one channel, and
 * every listening node wakes its dispatcher at once instead of at its next poll. The notification carries nothing;
 * the tasks table stays the only source of truth, and a lost notification only costs the poll interval.
 */
public final class PostgresWakeUpChannel {

    private static final SqlCatalog STATEMENTS = SqlCatalog.of("postgresql");

    private PostgresWakeUpChannel() {}

    /** Sends one notification on {@code connection}; sent when that connection's transaction (if any) commits. */
    public static void announce(Connection connection) throws SQLException {
        new SqlRunner(STATEMENTS, () -> connection).execute("wakeup.announce");
    }

    /**
     * Listens on {@code connection} until {@code keepListening} turns false or the connection fails, calling
     * {@code onWake} once per arrival of one or more notifications. The connection must be in auto-commit mode and
     * is left listening; the caller closes it.
     *
     * @param checkEveryMillis how long one wait for notifications lasts before {@code keepListening} is asked again
     */
    public static void listen(
            Connection connection, Runnable onWake, BooleanSupplier keepListening, int checkEveryMillis)
            throws SQLException {
        new SqlRunner(STATEMENTS, () -> connection).execute("wakeup.listen");
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (keepListening.getAsBoolean()) {
            PGNotification[] arrived = postgres.getNotifications(checkEveryMillis);
            if (arrived != null && arrived.length > 0) {
                onWake.run();
            }
        }
    }
}
