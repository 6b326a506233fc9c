package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payara Server on PostgreSQL: a second domain of the provisioned installation, configured by
 * {@code configure-payara.sh --database postgresql} against a database of its own. Tideflow's WAR and
 * {@code examples/war-app} run their tasks there, and the example's bookings survive a {@code kill -9} of the domain.
 */
class PayaraPostgresIT {

    private static final String DATABASE = "tideflow_payara_it";
    private static final String DOMAIN = "tideflow-pg";
    private static final int PORTBASE = 29_000;
    private static final Path WORK = Path.of("target/payara-postgres").toAbsolutePath();
    private static PayaraDomain domain;

    @BeforeAll
    static void configureAndStartADomainOnPostgres() throws Exception {
        assertThat(System.getProperty("payara.home"))
                .as("PayaraPostgresIT drives the Payara installation of the payara profile: run it with -Ppayara")
                .isNotNull();
        recreateDatabase();
        Files.createDirectories(WORK);
        Path payaraHome = Path.of(System.getProperty("payara.home"));
        Process configure = new ProcessBuilder(
                        "bash",
                        System.getProperty("tideflow.payara.configure"),
                        "--payara-home",
                        payaraHome.toString(),
                        "--lib-dir",
                        ItServer.serverLibDir().toAbsolutePath().toString(),
                        "--domain",
                        DOMAIN,
                        "--portbase",
                        String.valueOf(PORTBASE),
                        "--database",
                        "postgresql",
                        "--pg-host",
                        PostgresAccess.host(),
                        "--pg-port",
                        String.valueOf(PostgresAccess.port()),
                        "--pg-database",
                        DATABASE,
                        "--pg-user",
                        PostgresAccess.user(),
                        "--pg-password",
                        System.getProperty("tideflow.test.pg.password", "trust"),
                        "--quickstart")
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("configure.log").toFile())
                .start();
        assertThat(configure.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(configure.exitValue())
                .as("configure-payara.sh, see " + WORK.resolve("configure.log"))
                .isZero();
        domain =
                new PayaraDomain(payaraHome, DOMAIN, PORTBASE, URI.create("http://127.0.0.1:" + (PORTBASE + 80) + "/"));
        domain.start();
    }

    @AfterAll
    static void stopTheDomain() throws Exception {
        if (domain != null) {
            domain.close();
            domain.stop();
        }
    }

    @Test
    void tideflowsWarAndTheExampleRunTheirTasksInPostgres() throws Exception {
        domain.deploy(ItServer.serverLib("tideflow.war").toAbsolutePath());
        domain.deploy(ItServer.serverLib("war-app.war").toAbsolutePath());
        ApiClient tideflow = new ApiClient(domain.httpBase().resolve("tideflow/api/"));
        ApiClient app = new ApiClient(domain.httpBase().resolve("war-app/api/"));
        CrashDrill.awaitUp(app);

        List<String> echoes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            echoes.add(tideflow.submit("{\"type\":\"demo.echo\",\"payload\":" + i + "}"));
        }
        assertThat(app.post("orders", OPERATOR, "{\"number\":\"PG-1\",\"carrier\":\"flaky\"}")
                        .status())
                .isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(tideflow.awaitState(echoes.get(i), "COMPLETED").getInt("result"))
                    .isEqualTo(i);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> app.get("orders/PG-1", VIEWER).json().getString("status"), "BOOKED"::equals);

        // the tasks and the application's rows are in PostgreSQL, the failed first attempt's writes are not
        try (Connection c = PostgresAccess.dataSource(DATABASE).getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM tasks WHERE type = 'demo.echo' AND state = 'COMPLETED'"))
                    .isEqualTo(5);
            assertThat(count(c, "SELECT attempt FROM ex_shipments WHERE order_number = 'PG-1'"))
                    .isEqualTo(2);
        }
    }

    @Test
    void theExamplesBookingsSurviveAKillOfTheDomain() throws Exception {
        domain.deploy(CrashDrill.warAppWithShortLeases(WORK, "war-app-crash"));
        CrashDrill.bookThroughACrash(domain, "war-app-crash");
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement query = c.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getLong(1);
        }
    }

    private static void recreateDatabase() throws Exception {
        try (Connection c = PostgresAccess.dataSource("postgres").getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }
}
