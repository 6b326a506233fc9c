package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node whose database goes away: readiness goes DOWN naming the database, the system health report says so, the
 * node stays live (restarting it would not bring the database back), and once the database is back the node is ready
 * and runs tasks again without a restart.
 */
class DatabaseOutageIT {

    private static final String DATABASE = "tideflow_outage";
    private static final Path TARGET = Path.of("target");
    private static final int PORT_OFFSET = 800;
    private static ServerProcess node;

    @BeforeAll
    static void startNode() throws Exception {
        execute("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        execute("postgres", "CREATE DATABASE " + DATABASE);
        Path war = TARGET.resolve("outage/tideflow.war");
        Files.createDirectories(war.getParent());
        TideflowDeployment.withTestHandlers().as(ZipExporter.class).exportTo(war.toFile(), true);
        node = new ServerProcess(
                Path.of(System.getProperty("jboss.home")),
                TARGET.resolve("outage/node"),
                "standalone-postgresql.xml",
                PORT_OFFSET,
                List.of(
                        "-Djboss.node.name=outage-node",
                        "-Dtideflow.pg.url=jdbc:postgresql://" + PostgresAccess.host() + ":" + PostgresAccess.port()
                                + "/" + DATABASE,
                        "-Dtideflow.pg.user=" + PostgresAccess.user(),
                        "-Dtideflow.pg.password=" + System.getProperty("tideflow.test.pg.password", "trust")));
        node.prepare();
        node.deploy(war);
        node.start();
        ApiClient api = new ApiClient(node.apiBase());
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> api.get("tasks?limit=1", VIEWER).status() == 200);
    }

    @AfterAll
    static void stopNode() throws SQLException {
        if (node != null) {
            node.stop();
        }
        execute("postgres", "ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
    }

    @Test
    void readinessGoesDownWhileTheDatabaseIsAwayAndTheNodeRecoversWhenItIsBack() throws Exception {
        ApiClient management = new ApiClient(URI.create("http://127.0.0.1:" + (9990 + PORT_OFFSET) + "/"));
        ApiClient api = new ApiClient(node.apiBase());
        assertThat(management.get("health/ready", null).status()).isEqualTo(200);

        execute("postgres", "ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
        execute(
                "postgres",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");

        ApiClient.Response down = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> management.get("health/ready", null), response -> response.status() == 503);
        JsonObject readiness = ApiClient.healthCheck(down.json(), "tideflow-ready");
        assertThat(readiness.getString("status")).isEqualTo("DOWN");
        assertThat(readiness.getJsonObject("data").getString("database")).isNotEqualTo("reachable");
        ApiClient.Response live = management.get("health/live", null);
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        JsonObject report = api.get("reports/system-health", VIEWER).json();
        assertThat(report.getString("database")).isNotEqualTo("reachable");

        execute("postgres", "ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> management.get("health/ready", null).status() == 200);
        String id = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(
                        () -> api.post("tasks", OPERATOR, "{\"type\":\"demo.echo\",\"payload\":7}"),
                        response -> response.status() == 201)
                .json()
                .getString("id");
        assertThat(api.awaitState(id, "COMPLETED").getInt("result")).isEqualTo(7);
        assertThat(api.get("reports/system-health", VIEWER).json().getString("database"))
                .isEqualTo("reachable");
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = PostgresAccess.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
