package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node whose database goes away: readiness goes DOWN naming the database, the system health report says so, the
 * node stays live (restarting it would not bring the database back), and once the database is back the node is ready
 * and runs tasks again without a restart; a JMS submission sent meanwhile waits for it at the broker.
 */
class DatabaseOutageIT {

    private static final String DATABASE = "tideflow_outage";
    private static final Path TARGET = Path.of("target");
    private static final int PORT_OFFSET = 800;
    private static final int DRAINED = 5_000;
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
                Stream.concat(Stream.of("-Djboss.node.name=outage-node"), PostgresAccess.nodeOptions(DATABASE).stream())
                        .toList());
        node.prepare();
        node.deploy(war);
        node.start();
        node.awaitApi(Duration.ofSeconds(180));
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
        JsonObject readiness = ApiClient.healthCheck(down.problem(), "tideflow-ready");
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

    /**
     * A submission message that arrives while the database is away is not refused as invalid: its transaction rolls
     * back, the broker redelivers it after its delay (tideflow-jms.cli), and once the database is back it enqueues its
     * task, once, and its sender gets the reply.
     */
    @Test
    void aSubmissionMessageSentWhileTheDatabaseIsAwayIsRedeliveredAndEnqueuedOnceItIsBack() throws Exception {
        ApiClient api = new ApiClient(node.apiBase());
        try (JMSContext jms = Broker.wildFly(node.apiBase()).connect()) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            JMSConsumer answers = jms.createConsumer(replies);
            execute("postgres", "ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
            execute(
                    "postgres",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
            TextMessage request = jms.createTextMessage("{\"type\":\"demo.echo\",\"payload\":\"through the outage\"}");
            request.setJMSReplyTo(replies);
            jms.createProducer().send(jms.createQueue("TideflowSubmit"), request);

            assertThat(answers.receive(6_000))
                    .as("no answer while the database is away")
                    .isNull();
            execute("postgres", "ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
            long back = System.nanoTime();

            Message reply = answers.receive(120_000);
            assertThat(reply).as("the reply after the database came back").isNotNull();
            System.out.printf(
                    "DatabaseOutageIT: a message sent during a 6 s outage was enqueued %d ms after the database came"
                            + " back%n",
                    (System.nanoTime() - back) / 1_000_000);
            assertThat(reply.getStringProperty("tideflowOutcome")).isEqualTo("enqueued");
            String id = Json.createReader(new StringReader(((TextMessage) reply).getText()))
                    .readObject()
                    .getString("id");
            assertThat(api.awaitState(id, "COMPLETED").getString("result")).isEqualTo("through the outage");
            assertThat(api.get(
                                    "tasks?idempotencyKey="
                                            + URLEncoder.encode(request.getJMSMessageID(), StandardCharsets.UTF_8),
                                    VIEWER)
                            .json()
                            .getJsonArray("items"))
                    .as("tasks of the message")
                    .hasSize(1);
        }
    }

    /**
     * The database goes away for 30 s while 5,000 tasks drain, each writing its side effect in its own transaction:
     * afterwards every task is COMPLETED with exactly one side effect (none lost, none completed twice), the outage
     * showed in readiness and in the metrics while it lasted, and the node went on by itself.
     */
    @Test
    void fiveThousandTasksDrainingThroughAThirtySecondOutageAllCompleteOnceWithoutARestart() throws Exception {
        ApiClient management = new ApiClient(URI.create("http://127.0.0.1:" + (9990 + PORT_OFFSET) + "/"));
        ApiClient api = new ApiClient(node.apiBase());
        for (int batch = 0; batch < DRAINED / 500; batch++) {
            StringBuilder body = new StringBuilder("{\"tasks\":[");
            for (int i = 0; i < 500; i++) {
                body.append(i == 0 ? "" : ",")
                        .append("{\"type\":\"it.slow-write\",\"payload\":{\"marker\":\"drain-")
                        .append(batch * 500 + i)
                        .append("\",\"ms\":10}}");
            }
            ApiClient.Response accepted =
                    api.post("tasks/batch", OPERATOR, body.append("]}").toString());
            assertThat(accepted.status())
                    .as(() -> accepted.body() + "\n" + node.lastError())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT COUNT(*) FROM it_effects WHERE marker LIKE 'drain-%'") >= 500);

        long outageStarted = System.nanoTime();
        execute("postgres", "ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
        execute(
                "postgres",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> management.get("health/ready", null).status() == 503);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> databaseReachable(management) == 0);
        assertThat(management.get("health/live", null).status()).isEqualTo(200);
        Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - outageStarted) / 1_000_000));
        assertThat(databaseReachable(management)).as("still away after 30 s").isZero();
        execute("postgres", "ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
        long back = System.nanoTime();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> management.get("health/ready", null).status() == 200);
        long readyMs = (System.nanoTime() - back) / 1_000_000;
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> finished() == DRAINED);
        long drainedMs = (System.nanoTime() - back) / 1_000_000;

        System.out.printf(
                "DatabaseOutageIT: %d tasks, database away 30 s mid-drain; ready again %d ms after it came back,"
                        + " all drained %d ms after; attempts %d, rescued leases %d%n",
                DRAINED,
                readyMs,
                drainedMs,
                count("SELECT SUM(attempts) FROM tasks WHERE type = 'it.slow-write'"),
                count("SELECT COUNT(*) FROM task_events e JOIN tasks t ON t.id = e.task_id"
                        + " WHERE t.type = 'it.slow-write' AND e.from_state = 'RUNNING' AND e.to_state = 'PENDING'"));
        assertThat(count("SELECT COUNT(*) FROM tasks WHERE type = 'it.slow-write' AND state NOT IN"
                        + " ('COMPLETED', 'ARCHIVED')"))
                .as("tasks not completed")
                .isZero();
        assertThat(count("SELECT COUNT(DISTINCT marker) FROM it_effects WHERE marker LIKE 'drain-%'"))
                .as("tasks with a side effect")
                .isEqualTo(DRAINED);
        assertThat(count("SELECT COUNT(*) FROM it_effects WHERE marker LIKE 'drain-%'"))
                .as("side effects: one per task, none twice")
                .isEqualTo(DRAINED);
        assertThat(databaseReachable(management)).isEqualTo(1);
    }

    private static long finished() throws SQLException {
        return count("SELECT COUNT(*) FROM tasks WHERE type = 'it.slow-write' AND state IN ('COMPLETED', 'ARCHIVED')");
    }

    private static double databaseReachable(ApiClient management) {
        ApiClient.Response scraped = management.get("prometheus", null);
        assertThat(scraped.status()).isEqualTo(200);
        return PrometheusText.parse(scraped.body()).sum("tideflow_database_reachable");
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = PostgresAccess.dataSource(DATABASE).getConnection();
                Statement s = c.createStatement();
                java.sql.ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = PostgresAccess.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
