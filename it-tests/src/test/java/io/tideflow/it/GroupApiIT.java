package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Resource groups through the REST API of the deployed WAR: pause and resume, limits, refusals, configuration. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GroupApiIT {

    @ArquillianResource
    @OperateOnDeployment("tideflow")
    URL deploymentUrl;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "tideflow", testable = false)
    static WebArchive deployment() {
        return TideflowDeployment.withTestHandlers();
    }

    /** The same application with a group key the engine does not know: it must not deploy. */
    @Deployment(name = "bad-groups", managed = false, testable = false)
    static WebArchive badGroupConfiguration() {
        return TideflowDeployment.withTestHandlers("bad-groups.war", "tideflow.group.\"mail\".max-concurent=3\n");
    }

    private ApiClient api() {
        return new ApiClient(URI.create(deploymentUrl.toString()).resolve("api/"));
    }

    @Test
    void aPausedGroupKeepsItsTasksWaitingWhileOthersRunAndRunsThemWhenResumed() throws Exception {
        ApiClient api = api();
        String group = "paused-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject paused = api.post("groups/" + group + "/pause", OPERATOR, "").json();
        assertThat(paused.getBoolean("paused")).isTrue();

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(submit(api, group, "demo.echo", "{}"));
        }
        // the submit answers with the task as written, not read back: the same body a read gives
        ApiClient.Response created = api.post(
                "tasks",
                OPERATOR,
                "{\"type\":\"demo.echo\",\"group\":\"" + group + "\",\"priority\":7,\"payload\":{\"n\":[1,2]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ids.add(created.json().getString("id"));
        assertThat(created.json())
                .isEqualTo(api.get("tasks/" + ids.get(2), VIEWER).json());
        String elsewhere = submit(api, "default", "demo.echo", "{}");
        api.awaitState(elsewhere, "COMPLETED");
        await().during(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> ids.stream()
                        .allMatch(id -> api.get("tasks/" + id, VIEWER)
                                .json()
                                .getString("state")
                                .equals("PENDING")));
        for (String id : ids) {
            assertThat(api.get("tasks/" + id, VIEWER).json().getString("state")).isEqualTo("PENDING");
        }
        JsonObject listed = groupOf(api, group);
        assertThat(listed.getBoolean("paused")).isTrue();
        assertThat(listed.getJsonObject("depth").getInt("PENDING")).isEqualTo(3);
        ApiClient.Response one = api.get("groups/" + group, VIEWER);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(listed);

        assertThat(api.post("groups/" + group + "/resume", OPERATOR, "").json().getBoolean("paused"))
                .isFalse();
        for (String id : ids) {
            api.awaitState(id, "COMPLETED");
        }
    }

    @Test
    void aClusterLimitOfOneRunsTheGroupsTasksOneAfterAnother() throws Exception {
        ApiClient api = api();
        String group = "one-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response set = api.put("groups/" + group + "/limits", OPERATOR, "{\"maxConcurrentCluster\":1}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().getJsonObject("limits").getInt("maxConcurrentCluster"))
                .isEqualTo(1);
        assertThat(set.json().getString("limitsFrom")).isEqualTo("api");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(submit(api, group, "demo.sleep", "{\"ms\":300}"));
        }
        List<Instant[]> runs = new ArrayList<>();
        for (String id : ids) {
            api.awaitState(id, "COMPLETED");
            List<JsonObject> events = api.events(id);
            Instant started = ApiClient.firstAt(events, "RUNNING");
            Instant ended = ApiClient.firstAt(events, "COMPLETED");
            runs.add(new Instant[] {started, ended});
        }
        runs.sort((a, b) -> a[0].compareTo(b[0]));
        for (int i = 1; i < runs.size(); i++) {
            // a claim reads its time once it has counted what runs, which waits for the previous task's completion:
            // not even the milliseconds of that wait show as an overlap
            assertThat(runs.get(i)[0])
                    .as("run %d starts after run %d ended", i, i - 1)
                    .isAfterOrEqualTo(runs.get(i - 1)[1]);
        }

        JsonObject reset = api.delete("groups/" + group + "/limits", OPERATOR).json();
        assertThat(reset.getJsonObject("limits").get("maxConcurrentCluster")).isEqualTo(JsonValue.NULL);
        assertThat(reset.getString("limitsFrom")).isEqualTo("configuration");
    }

    /** The worked example of docs/resource-groups.md, with the configuration of {@link TideflowDeployment}. */
    @Test
    void aFlakyMailRelayOpensItsBreakerHoldsItsMailAndRecoversThroughAProbe() {
        ApiClient api = api();
        assertThat(api.post("groups/it-relay/breaker/reset", OPERATOR, "")
                        .json()
                        .getJsonObject("breaker")
                        .getString("state"))
                .isEqualTo("CLOSED");
        for (int i = 0; i < 4; i++) {
            api.post(
                    "tasks",
                    OPERATOR,
                    "{\"type\":\"demo.fail\",\"group\":\"it-relay\",\"maxAttempts\":1,"
                            + "\"payload\":{\"always\":true}}");
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> breakerOf(api, "it-relay").getString("state").equals("OPEN"));
        JsonObject open = breakerOf(api, "it-relay");
        Instant probesFrom = Instant.parse(open.getString("nextAttempt"));

        List<String> mails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mails.add(submit(api, "it-relay", "demo.echo", "{}"));
        }
        for (String id : mails) {
            api.awaitState(id, "COMPLETED");
            assertThat(api.get("tasks/" + id, VIEWER).json().getInt("attempts"))
                    .as("no attempt burned")
                    .isEqualTo(1);
        }
        assertThat(breakerOf(api, "it-relay").getString("state")).isEqualTo("CLOSED");
        List<Instant> starts = new ArrayList<>();
        for (String id : mails) {
            starts.add(ApiClient.firstAt(api.events(id), "RUNNING"));
        }
        assertThat(starts)
                .as("held while OPEN: none started before the probes were due")
                .allSatisfy(start -> assertThat(start).isAfterOrEqualTo(probesFrom));

        JsonObject forced =
                api.post("groups/it-relay/breaker/open", OPERATOR, "").json().getJsonObject("breaker");
        assertThat(forced.getString("state")).isEqualTo("OPEN");
        assertThat(forced.get("nextAttempt")).as("held open by hand").isEqualTo(JsonValue.NULL);
        assertThat(api.post("groups/it-relay/breaker/close", OPERATOR, "")
                        .json()
                        .getJsonObject("breaker")
                        .getString("state"))
                .isEqualTo("CLOSED");
        assertThat(api.post("groups/it-relay/breaker/open", VIEWER, "").status())
                .isEqualTo(403);
        assertProblem(api.post("groups/no-breaker-here/breaker/open", OPERATOR, ""), "group");
        assertProblem(api.post("groups/it-relay/breaker/toggle", OPERATOR, ""), "action");
    }

    private static JsonObject breakerOf(ApiClient api, String group) {
        return groupOf(api, group).getJsonObject("breaker");
    }

    @Test
    void badLimitsAreRefusedNamingTheFieldAndChangesNeedTheOperatorRole() {
        ApiClient api = api();
        assertProblem(api.put("groups/mail/limits", OPERATOR, "{\"maxConcurent\":3}"), "maxConcurent");
        assertProblem(api.put("groups/mail/limits", OPERATOR, "{\"maxConcurrent\":0}"), "maxConcurrent");
        assertProblem(api.put("groups/mail/limits", OPERATOR, "{\"ratePermits\":5}"), "ratePeriod");
        assertProblem(
                api.put("groups/mail/limits", OPERATOR, "{\"ratePermits\":5,\"ratePeriod\":\"soon\"}"), "ratePeriod");
        assertProblem(api.post("groups/no%20spaces/pause", OPERATOR, ""), "group");
        assertThat(api.put("groups/mail/limits", VIEWER, "{\"maxConcurrent\":3}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("groups/mail/pause", VIEWER, "").status()).isEqualTo(403);
        assertThat(api.get("groups", VIEWER).status()).isEqualTo(200);
        assertProblem(api.get("groups/no%20spaces", VIEWER), "group");
        ApiClient.Response unknown = api.get("groups/never-used-" + UUID.randomUUID(), VIEWER);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("never-used-");
    }

    @Test
    void anUnknownGroupKeyInTheConfigurationFailsTheDeploymentNamingTheKey() {
        // the server's failure report escapes the quotes around the group name
        assertThatThrownBy(() -> deployer.deploy("bad-groups"))
                .hasStackTraceContaining("max-concurent' has the bad value '3': is not a group setting");
    }

    private static String submit(ApiClient api, String group, String type, String payload) {
        return api.submit("{\"type\":\"" + type + "\",\"group\":\"" + group + "\",\"payload\":" + payload + "}");
    }

    private static JsonObject groupOf(ApiClient api, String group) {
        return api.get("groups", VIEWER).json().getJsonArray("groups").stream()
                .map(JsonValue::asJsonObject)
                .filter(g -> g.getString("name").equals(group))
                .findFirst()
                .orElseThrow();
    }

    private static void assertProblem(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.problem().getString("field")).isEqualTo(field);
    }
}
