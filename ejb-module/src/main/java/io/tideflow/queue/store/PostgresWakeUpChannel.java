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
    /** How long the probe (or any read outside a wait for notifications) may take before the connection counts as lost. */
    static final int PROBE_TIMEOUT_MILLIS = 10_000;

    private PostgresWakeUpChannel() {}

    /** Sends one notification on {@code connection}; sent when that connection's transaction (if any) commits. */
    public static void announce(Connection connection) throws SQLException {
        new SqlRunner(STATEMENTS, () -> connection).execute("wakeup.announce");
    }

    /** Opens a connection to listen on. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** Hears how listening goes: after each (re)connection, and at each failure. */
    public interface Outcomes {
        void listening();

        /** @return whether to try again (after whatever wait the receiver chooses) */
        boolean failed(Exception e);
    }

    /**
     * Listens until {@code keepListening} turns false, on a fresh connection after each failure (a terminated
     * backend, a vanished server, a failed probe). Wakes once after every (re)connection: anything announced while
     * nobody listened is found by that look.
     */
    public static void listenWhile(
            BooleanSupplier keepListening,
            Connections connections,
            Runnable onWake,
            Outcomes outcomes,
            int checkEveryMillis,
            int probeEveryMillis) {
        while (keepListening.getAsBoolean()) {
            try (Connection connection = connections.open()) {
                onWake.run();
                outcomes.listening();
                listen(connection, onWake, keepListening, checkEveryMillis, probeEveryMillis);
            } catch (SQLException | RuntimeException e) {
                if (keepListening.getAsBoolean() && !outcomes.failed(e)) {
                    return;
                }
            }
        }
    }

    /**
     * Listens on {@code connection} until {@code keepListening} turns false or the connection fails, calling
     * {@code onWake} once per arrival of one or more notifications. The connection must be in auto-commit mode. Every
     * {@code probeEveryMillis} a query with a network timeout checks that the server is still there: a connection
     * whose server vanished without a word (a half-open TCP connection) would otherwise wait for notifications for
     * ever. On the way out the connection stops listening, so that it can go back to a pool; the caller closes it.
     *
     * @param checkEveryMillis how long one wait for notifications lasts before {@code keepListening} is asked again
     */
    public static void listen(
            Connection connection,
            Runnable onWake,
            BooleanSupplier keepListening,
            int checkEveryMillis,
            int probeEveryMillis)
            throws SQLException {
        SqlRunner sql = new SqlRunner(STATEMENTS, () -> connection);
        connection.setNetworkTimeout(Runnable::run, PROBE_TIMEOUT_MILLIS);
        sql.execute("wakeup.listen");
        try {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            long probeAt = System.nanoTime() + probeEveryMillis * 1_000_000L;
            while (keepListening.getAsBoolean()) {
                PGNotification[] arrived = postgres.getNotifications(checkEveryMillis);
                if (arrived != null && arrived.length > 0) {
                    onWake.run();
                }
                if (System.nanoTime() - probeAt >= 0) {
                    sql.execute("wakeup.probe");
                    probeAt = System.nanoTime() + probeEveryMillis * 1_000_000L;
                }
            }
        } finally {
            stopListening(sql);
        }
    }

    private static void stopListening(SqlRunner sql) {
        try {
            sql.execute("wakeup.unlisten");
        } catch (RuntimeException e) {
            // the connection failed: the pool discards it, and the server ended its subscription with it
        }
    }
}
