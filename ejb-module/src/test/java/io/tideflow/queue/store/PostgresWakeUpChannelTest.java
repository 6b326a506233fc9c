package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listening side of the cross-node wake-up against the local PostgreSQL: a backend terminated under it
 * ({@code pg_terminate_backend}) is replaced and wake-ups resume, and a connection handed back holds no subscription.
 */
class PostgresWakeUpChannelTest {

    private final PostgresTestDatabase db = new PostgresTestDatabase();
    private final DataSource dataSource = db.dataSource();
    private final AtomicBoolean listening = new AtomicBoolean(true);
    private final AtomicInteger wakes = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    /** The backend process ids of the listener's connections, newest last. */
    private final List<Integer> backends = new CopyOnWriteArrayList<>();
    /** What each listening connection still listened to when it was handed back. */
    private final List<String> channelsAtClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        listening.set(false);
        db.close();
    }

    @Test
    void aTerminatedBackendIsReplacedAndWakeUpsResume() throws Exception {
        Thread listener = new Thread(() -> PostgresWakeUpChannel.listenWhile(
                listening::get,
                this::openRecorded,
                wakes::incrementAndGet,
                new PostgresWakeUpChannel.Outcomes() {
                    @Override
                    public void listening() {}

                    @Override
                    public boolean failed(Exception e) {
                        failures.incrementAndGet();
                        return true;
                    }
                },
                100,
                1_000));
        listener.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> backends.size() == 1 && wakes.get() >= 1);

        int before = wakes.get();
        announce();
        await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() > before);

        terminate(backends.get(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> backends.size() == 2);
        assertThat(failures.get()).as("the terminated connection's failure").isEqualTo(1);
        // the new connection has run its LISTEN (or a later probe) before the next announcement
        await().atMost(Duration.ofSeconds(10))
                .until(() -> lastStatementOf(backends.get(1)).matches("LISTEN.*|SELECT 1"));
        int afterReconnect = wakes.get();
        announce();
        await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() > afterReconnect);

        listening.set(false);
        listener.join(5_000);
        assertThat(listener.isAlive()).isFalse();
        assertThat(channelsAtClose)
                .as("subscriptions left on connections handed back")
                .last()
                .isEqualTo("");
    }

    /** A connection whose backend id is recorded, and whose subscriptions are recorded when it is closed. */
    private Connection openRecorded() throws SQLException {
        Connection real = dataSource.getConnection();
        connections.incrementAndGet();
        backends.add(queryInt(real, "SELECT pg_backend_pid()"));
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && !real.isClosed()) {
                        try {
                            channelsAtClose.add(channels(real));
                        } catch (SQLException broken) {
                            channelsAtClose.add("(broken)");
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void announce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PostgresWakeUpChannel.announce(connection);
        }
    }

    private void terminate(int backend) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + backend + ")");
        }
    }

    private String lastStatementOf(int backend) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT query FROM pg_stat_activity WHERE pid = " + backend)) {
            return rows.next() ? rows.getString(1).trim() : "";
        }
    }

    private static String channels(Connection connection) throws SQLException {
        StringBuilder names = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_listening_channels()")) {
            while (rows.next()) {
                names.append(rows.getString(1));
            }
        }
        return names.toString();
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
