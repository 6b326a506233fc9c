package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real server process, killed with SIGKILL while handlers run, then started again; and undeployed while handlers
 * run, then deployed again. Tasks must all complete, with each transactional side effect exactly once.
 */
class CrashAndShutdownIT {

    private static final Path TARGET = Path.of("target");
    private static final Duration HISTORY_FLUSH = Duration.ofSeconds(1);
    private ServerProcess server;
    private Path war;

    @BeforeEach
    void prepareServer() throws Exception {
        Path jbossHome = Path.of(System.getProperty("jboss.home"));
        war = TARGET.resolve("crash-it/tideflow.war");
        Files.createDirectories(war.getParent());
        TideflowDeployment.withTestHandlers().as(ZipExporter.class).exportTo(war.toFile(), true);
        server = new ServerProcess(
                jbossHome,
                TARGET.resolve("crash-it/server").toAbsolutePath(),
                300,
                List.of(
                        "-Djboss.node.name=crash-node",
                        "-Dtideflow.lease.duration=PT6S",
                        "-Dtideflow.lease.rescue-interval=PT1S",
                        "-Dtideflow.retry.base-delay=PT0.1S",
                        "-Dtideflow.shutdown.grace-period=PT1S",
                        "-Dtideflow.history.flush-interval=" + HISTORY_FLUSH));
        server.prepare();
        server.deploy(war);
        server.start();
        awaitUp();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    /**
     * One {@code kill -9} for two promises (each restart costs the suite half a minute): the tasks running then all
     * complete after the restart with their effect written once, and the node loses at most one flush interval of its
     * metric history, not the minute it was in.
     */
    @Test
    void aKilledNodeLosesNoTaskAndAtMostOneFlushIntervalOfItsMetricHistory() throws Exception {
        ApiClient api = new ApiClient(server.apiBase());
        // the metrics' part stays inside one minute, which is still open when the node is killed
        await().atMost(Duration.ofSeconds(35))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Instant.now().atZone(ZoneOffset.UTC).getSecond() <= 30);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String group = "durable-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(api.submit("{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"payload\":" + i + "}"));
        }
        ids.forEach(id -> api.awaitState(id, "COMPLETED"));
        // what the node holds is written at its next flush: after two, all of it is in the database
        Thread.sleep(HISTORY_FLUSH.multipliedBy(2).plusMillis(500).toMillis());
        List<String> markers = submitSlowWrites(api, 16, 4_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(api, "RUNNING") >= 4);
        assertThat(Instant.now().truncatedTo(ChronoUnit.MINUTES))
                .as("the minute of the metrics' work has not ended")
                .isEqualTo(minute);

        server.killHard();
        long killed = System.nanoTime();
        server.start();
        awaitUp();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> rescuedAndRunningAgain(api));
        long rescuedMs = (System.nanoTime() - killed) / 1_000_000;
        System.out.println("CrashAndShutdownIT: kill -9 to a rescued task running again: " + rescuedMs + " ms");

        await().atMost(Duration.ofSeconds(120)).until(() -> count(api, "COMPLETED") == markers.size());
        for (String marker : markers) {
            assertThat(api.get("it/effects/" + marker, VIEWER).body())
                    .as("effects of " + marker)
                    .isEqualTo("1");
        }

        JsonObject summary = api.get(
                        "metrics/summary?group=" + group + "&from=" + minute + "&to=" + minute.plusSeconds(120), VIEWER)
                .json();
        JsonObject figures = summary.getJsonArray("groups").getJsonObject(0);
        assertThat(figures.getInt("enqueued")).isEqualTo(20);
        assertThat(figures.getInt("started")).isEqualTo(20);
        assertThat(figures.getInt("completed")).isEqualTo(20);
        assertThat(figures.getJsonObject("execution").getInt("count")).isEqualTo(20);
    }

    @Test
    void aChunkRunningWhenTheServerIsKilledLosesNoTaskAndCompletesNoneTwice() throws Exception {
        ApiClient api = new ApiClient(server.apiBase());
        String group = "crash-chunks-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("groups/" + group + "/pause", OPERATOR, "");
        List<String> submissions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            submissions.add("{\"type\":\"it.chunk-write\",\"group\":\"" + group + "\",\"maxAttempts\":5,"
                    + "\"payload\":{\"marker\":\"" + group + "-" + i + "\",\"sleepMs\":1500}}");
        }
        ApiClient.Response created =
                api.post("tasks/batch", OPERATOR, "{\"tasks\":[" + String.join(",", submissions) + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        api.post("groups/" + group + "/resume", OPERATOR, "");
        // chunks of 10 that take 1.5 s each: killed after the first committed, while the next one runs
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> countInGroup(api, group, "COMPLETED") >= 10 && countInGroup(api, group, "RUNNING") > 0);
        String killedExecution = runningExecutionOf(api, group);

        server.killHard();
        server.start();
        awaitUp();
        // the job repository is in the database: the killed execution is there after the restart, marked failed
        JsonObject failed = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> api.get("batches/" + killedExecution, VIEWER).json(),
                        execution -> execution.getString("status").equals("FAILED"));
        assertThat(failed.getString("exitStatus")).contains("left running by a node that stopped");
        assertThat(failed.getString("endedAt")).isNotBlank();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> countInGroup(api, group, "COMPLETED") == 30);
        for (int i = 0; i < 30; i++) {
            assertThat(api.get("it/effects/" + group + "-" + i, VIEWER).body())
                    .as("rows written for task " + i + ": the killed chunk's never committed")
                    .isEqualTo("1");
        }

        ApiClient.Response restart = api.post("batches/" + killedExecution + "/restart", OPERATOR, "");
        assertThat(restart.status()).as(restart.body()).isEqualTo(201);
        String restarted = restart.json().getJsonNumber("id").toString();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("batches/" + restarted, VIEWER).json().getString("status"), "COMPLETED"::equals);
    }

    /** The id of the group's chunk execution that runs now. */
    private static String runningExecutionOf(ApiClient api, String group) {
        return api.batchExecutionsOf(group).stream()
                .filter(e -> e.getString("status").equals("STARTED"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no running execution of group " + group))
                .getJsonNumber("id")
                .toString();
    }

    private static int countInGroup(ApiClient api, String group, String state) {
        return api.get("tasks?group=" + group + "&state=" + state + "&limit=100", VIEWER)
                .json()
                .getJsonArray("items")
                .size();
    }

    @Test
    void tasksRunningAtUndeployAreReleasedAndFinishAfterRedeploy() throws Exception {
        ApiClient api = new ApiClient(server.apiBase());
        List<String> markers = submitSlowWrites(api, 4, 15_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(api, "RUNNING") == 4);

        server.undeploy();
        server.deploy(war);
        awaitUp();
        await().atMost(Duration.ofSeconds(120)).until(() -> count(api, "COMPLETED") == markers.size());
        for (String marker : markers) {
            assertThat(api.get("it/effects/" + marker, VIEWER).body()).isEqualTo("1");
        }
        JsonObject task = api.get("tasks?type=it.slow-write&limit=1", VIEWER)
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        JsonArray events = api.get("tasks/" + task.getString("id") + "/history", VIEWER)
                .json()
                .getJsonArray("events");
        // the handler (sleeping, so interruptible) was asked to stop after the 1 s grace period and did, before its
        // task was released: no second run overlaps with it
        assertThat(events.stream().map(JsonValue::asJsonObject).map(e -> e.getString("detail", "")))
                .contains("released at shutdown (its handler stopped)");
        assertThat(task.getInt("attempts"))
                .as("a released attempt is not counted")
                .isEqualTo(1);
    }

    private List<String> submitSlowWrites(ApiClient api, int count, int ms) {
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String marker = "slow-" + UUID.randomUUID();
            assertThat(api.post(
                                    "tasks",
                                    OPERATOR,
                                    "{\"type\":\"it.slow-write\",\"maxAttempts\":5," + "\"payload\":{\"marker\":\""
                                            + marker + "\",\"ms\":" + ms + "}}")
                            .status())
                    .isEqualTo(201);
            markers.add(marker);
        }
        return markers;
    }

    private static boolean rescuedAndRunningAgain(ApiClient api) {
        JsonArray running = api.get("tasks?type=it.slow-write&state=RUNNING&limit=50", VIEWER)
                .json()
                .getJsonArray("items");
        return running.stream().map(JsonValue::asJsonObject).anyMatch(task -> task.getInt("attempts") >= 2);
    }

    private static int count(ApiClient api, String state) {
        return api.get("tasks?type=it.slow-write&state=" + state + "&limit=100", VIEWER)
                .json()
                .getJsonArray("items")
                .size();
    }

    private void awaitUp() {
        server.awaitApi(Duration.ofSeconds(120));
    }
}
