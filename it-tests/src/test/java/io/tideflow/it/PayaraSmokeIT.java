package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same WAR on Payara Micro, configured by datasource-config's Payara script: tasks run, the health checks answer,
 * and the meters go through MicroProfile Metrics (Payara has no Micrometer) to {@code /metrics}. Payara Micro has no
 * JMS broker, so the WAR goes there without its JMS submission (docs/deployment.md says how).
 */
class PayaraSmokeIT {

    private static final int PORT = 28_280;
    private static final Path WORK = Path.of("target/payara").toAbsolutePath();
    private static Process payara;

    @BeforeAll
    static void startPayaraMicro() throws Exception {
        Files.createDirectories(WORK);
        Path lib = Path.of(System.getProperty("tideflow.war")).toAbsolutePath().getParent();
        Path postBoot = WORK.resolve("post-boot.asadmin");
        List<String> commands =
                new ArrayList<>(Files.readAllLines(Path.of(System.getProperty("tideflow.payara.script"))));
        commands.add(fileUser(OPERATOR, "tideflow-operator"));
        commands.add(fileUser(VIEWER, "tideflow-viewer"));
        Files.write(postBoot, commands, StandardCharsets.UTF_8);
        deleteTree(WORK.resolve("derby"));
        payara = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dderby.system.home=" + WORK.resolve("derby"),
                        "-Dtideflow.demo.enabled=true",
                        "-Dtideflow.metrics.sample-interval=PT0.5S",
                        "-Dtideflow.metrics.finished-sample-interval=PT0.5S",
                        "-jar",
                        System.getProperty("payara.micro.jar"),
                        "--deploy",
                        withoutJmsSubmission(Path.of(System.getProperty("tideflow.war")))
                                .toString(),
                        "--contextroot",
                        "tideflow",
                        "--port",
                        String.valueOf(PORT),
                        "--nocluster",
                        "--disablephonehome",
                        "--addlibs",
                        lib.resolve("derby.jar") + ":" + lib.resolve("derbyshared.jar") + ":"
                                + lib.resolve("derbytools.jar"),
                        "--postbootcommandfile",
                        postBoot.toString())
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("payara-micro.log").toFile())
                .start();
        ApiClient root = root();
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> root.get("health/ready", null).status() == 200);
    }

    /**
     * The WAR without the message-driven bean of JMS submission and its Payara descriptor: with no broker, Payara
     * Micro refuses to deploy a WAR that holds one.
     */
    private static Path withoutJmsSubmission(Path war) {
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war.toFile());
        List<ArchivePath> jms = archive
                .getContent(path -> path.get().startsWith("/WEB-INF/classes/io/tideflow/admin/jms/")
                        || path.get().equals("/WEB-INF/glassfish-ejb-jar.xml"))
                .keySet()
                .stream()
                .toList();
        jms.forEach(archive::delete);
        Path trimmed = WORK.resolve("tideflow.war");
        archive.as(ZipExporter.class).exportTo(trimmed.toFile(), true);
        return trimmed;
    }

    /** A file realm user in the role's group, its password in a file as asadmin wants it. */
    private static String fileUser(String userAndPassword, String group) throws IOException {
        String[] parts = userAndPassword.split(":", 2);
        Path passwordFile = WORK.resolve(parts[0] + ".password");
        Files.writeString(passwordFile, "AS_ADMIN_USERPASSWORD=" + parts[1] + "\n");
        return "create-file-user --groups " + group + " --passwordfile " + passwordFile + " " + parts[0];
    }

    @AfterAll
    static void stopPayaraMicro() throws InterruptedException {
        if (payara != null) {
            payara.destroy();
            if (!payara.waitFor(60, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        }
    }

    private static ApiClient root() {
        return new ApiClient(URI.create("http://127.0.0.1:" + PORT + "/"));
    }

    @Test
    void tasksRunHealthAnswersAndTheMetersGoThroughMicroProfileMetrics() throws Exception {
        ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + PORT + "/tideflow/api/"));
        List<String> echoes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            echoes.add(api.submit("{\"type\":\"demo.echo\",\"group\":\"payara\",\"payload\":" + i + "}"));
        }
        String failing = api.submit(
                "{\"type\":\"demo.fail\",\"group\":\"payara\",\"payload\":{\"always\":true}," + "\"maxAttempts\":1}");
        for (int i = 0; i < 3; i++) {
            assertThat(api.awaitState(echoes.get(i), "COMPLETED").getInt("result"))
                    .isEqualTo(i);
        }
        api.awaitState(failing, "DEAD_LETTER");
        assertThat(api.post("tasks", VIEWER, "{\"type\":\"demo.echo\"}").status())
                .as("a viewer may not submit")
                .isEqualTo(403);

        JsonObject ready = root().get("health/ready", null).json();
        assertThat(ApiClient.healthCheck(ready, "tideflow-ready")
                        .getJsonObject("data")
                        .getString("database"))
                .isEqualTo("reachable");
        assertThat(ApiClient.healthCheck(root().get("health/live", null).json(), "tideflow-live")
                        .getString("status"))
                .isEqualTo("UP");
        assertThat(api.get("reports/system-health", VIEWER).json().getString("database"))
                .isEqualTo("reachable");

        PrometheusText metrics = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> PrometheusText.parse(
                                root().get("metrics?scope=application", null).body()),
                        text -> text.sum("tideflow_tasks_completed_total", "group", "payara") == 3
                                && text.sum("tideflow_queue_depth", "group", "payara", "state", "COMPLETED") == 3);
        assertThat(metrics.sum("tideflow_tasks_enqueued_total", "group", "payara"))
                .isEqualTo(4);
        assertThat(metrics.sum("tideflow_tasks_dead_lettered_total", "group", "payara"))
                .isEqualTo(1);
        assertThat(metrics.sum("tideflow_task_execution_seconds_count", "group", "payara"))
                .isEqualTo(4);
        // the timers are in seconds: no demo task ran for a minute
        assertThat(metrics.sum("tideflow_task_execution_seconds_max", "group", "payara"))
                .isBetween(0.0, 60.0);
        assertThat(metrics.text()).contains("# HELP tideflow_tasks_completed_total Tasks completed");

        // Payara's exporter adds a _mean gauge to every timer, without help text; nothing else may be found
        assertThat(Promtool.findingsOnTideflowMeters(metrics.text()))
                .as("promtool findings on Tideflow's meters")
                .allMatch(line -> line.endsWith("_mean no help text"));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
