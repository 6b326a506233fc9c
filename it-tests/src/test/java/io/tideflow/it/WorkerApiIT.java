package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tideflow.it.support.WorkerResource;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker API, used as the batch module will: on a node of its own whose dispatcher is off (so that only the test's
 * worker claims, and nothing it leaves claimed runs in another suite's server), tasks are claimed by group and type
 * under a lease, completed in the worker's own transaction with its writes, failed through the engine's policy, given
 * back, and refused with a stale token.
 */
class WorkerApiIT {

    private static final Path TARGET = Path.of("target");
    private static final int PORT_OFFSET = 900;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        Path war = TARGET.resolve("worker-it/tideflow.war");
        Files.createDirectories(war.getParent());
        TideflowDeployment.withTestHandlers("tideflow.war", "tideflow.group.\"it-worker-limited\".max-concurrent=2\n")
                .addClass(WorkerResource.class)
                .as(ZipExporter.class)
                .exportTo(war.toFile(), true);
        server = new ServerProcess(
                Path.of(System.getProperty("jboss.home")),
                TARGET.resolve("worker-it/server").toAbsolutePath(),
                PORT_OFFSET,
                List.of("-Djboss.node.name=worker-node", "-Dtideflow.dispatcher.enabled=false"));
        server.prepare();
        server.deploy(war);
        server.start();
        ApiClient api = new ApiClient(server.apiBase());
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> api.get("tasks?limit=1", VIEWER).status() == 200);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private ApiClient api() {
        return new ApiClient(server.apiBase());
    }

    @Test
    void aChunkCompletesWithItsWritesAndABadItemFailsAloneThroughTheRetryPolicy() throws Exception {
        ApiClient api = api();
        String group = "it-worker-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> items = List.of(
                submit(api, "it.noop", group, 1), submit(api, "it.noop", group, 2), submit(api, "it.noop", group, 3));
        String otherType = submit(api, "it.buggy", group, 4);

        JsonObject run = run(api, "group=" + group + "&type=it.noop&limit=10&fail=2");

        assertThat(claimed(run)).containsExactlyInAnyOrderElementsOf(items);
        JsonObject outcomes = run.getJsonObject("outcomes");
        assertThat(outcomes.getString(items.get(0))).isEqualTo("COMPLETED");
        assertThat(outcomes.getString(items.get(1))).isEqualTo("DEAD_LETTERED");
        assertThat(outcomes.getString(items.get(2))).isEqualTo("COMPLETED");
        JsonObject first = task(api, items.get(0));
        assertThat(first.getString("state")).isEqualTo("COMPLETED");
        assertThat(first.getJsonObject("result").getInt("done")).isEqualTo(1);
        assertThat(first.getInt("attempts")).isEqualTo(1);
        assertThat(effects(api, items.get(0))).isEqualTo(1);
        assertThat(effects(api, items.get(2))).isEqualTo(1);
        JsonObject bad = task(api, items.get(1));
        assertThat(bad.getString("state")).isEqualTo("DEAD_LETTER");
        assertThat(bad.getString("lastError")).contains("bad item 2");
        assertThat(effects(api, items.get(1))).isZero();
        assertThat(task(api, otherType).getString("state"))
                .as("another type of the group is left alone")
                .isEqualTo("PENDING");
    }

    @Test
    void aRolledBackChunkCompletesNothingAndWritesNothing() throws Exception {
        ApiClient api = api();
        String group = "it-worker-" + UUID.randomUUID().toString().substring(0, 8);
        String id = submit(api, "it.noop", group, 1);

        JsonObject run = run(api, "group=" + group + "&type=it.noop&limit=10&rollback=true");

        assertThat(claimed(run)).containsExactly(id);
        assertThat(task(api, id).getString("state"))
                .as("claimed, its completion rolled back")
                .isEqualTo("RUNNING");
        assertThat(effects(api, id)).isZero();
    }

    @Test
    void aReleasedTaskIsPendingAgainWithoutItsAttempt() {
        ApiClient api = api();
        String group = "it-worker-" + UUID.randomUUID().toString().substring(0, 8);
        String id = submit(api, "it.noop", group, 1);

        JsonObject run = run(api, "group=" + group + "&limit=5&release=true");

        assertThat(run.getJsonObject("outcomes").getString(id)).isEqualTo("RELEASED");
        JsonObject task = task(api, id);
        assertThat(task.getString("state")).isEqualTo("PENDING");
        assertThat(task.getInt("attempts")).isZero();
    }

    @Test
    void aForgedLeaseTokenCompletesAndExtendsNothing() {
        ApiClient api = api();
        String group = "it-worker-" + UUID.randomUUID().toString().substring(0, 8);
        String id = submit(api, "it.noop", group, 1);

        ApiClient.Response response = api.post("it/worker/stale?group=" + group + "&type=it.noop", OPERATOR, "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonObject stale = response.json();

        assertThat(stale.getString("id")).isEqualTo(id);
        assertThat(stale.getBoolean("forgedCompleted")).isFalse();
        assertThat(stale.getBoolean("forgedExtended")).isFalse();
        assertThat(stale.getBoolean("ownExtended")).isTrue();
        assertThat(stale.getBoolean("ownCompleted")).isTrue();
        assertThat(task(api, id).getString("state")).isEqualTo("COMPLETED");
    }

    @Test
    void aLimitedGroupGivesTheWorkerNoMoreThanItsRoomOnThisNode() {
        ApiClient api = api();
        String group = "it-worker-limited";
        for (int i = 0; i < 3; i++) {
            submit(api, "it.noop", group, i);
        }

        JsonObject first = run(api, "group=" + group + "&limit=10&rollback=true");
        JsonObject second = run(api, "group=" + group + "&limit=10&rollback=true");

        assertThat(claimed(first)).as("max-concurrent 2 per node").hasSize(2);
        assertThat(claimed(second)).as("both still RUNNING here: no room").isEmpty();
    }

    private static String submit(ApiClient api, String type, String group, int payload) {
        return api.submit("{\"type\":\"" + type + "\",\"group\":\"" + group + "\",\"payload\":" + payload + "}");
    }

    private static JsonObject run(ApiClient api, String query) {
        ApiClient.Response response = api.post("it/worker/run?" + query, OPERATOR, "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> claimed(JsonObject run) {
        return run.getJsonArray("claimed").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static JsonObject task(ApiClient api, String id) {
        return api.get("tasks/" + id, VIEWER).json();
    }

    private static int effects(ApiClient api, String id) {
        return Integer.parseInt(
                api.get("it/effects/worker-" + id, VIEWER).body().trim());
    }
}
