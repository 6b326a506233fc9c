package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Workflows on one node through the REST API: a chain runs step by step, a fan-out's fan-in runs once after all its
 * parts and reads their results, a failed step cancels what waits for it (and a step that runs anyway runs), a
 * workflow is cancelled as a whole, and bad submissions are refused naming the field.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkflowIT {

    @ArquillianResource
    @OperateOnDeployment("tideflow")
    URL deploymentUrl;

    @Deployment(name = "tideflow", testable = false)
    static WebArchive deployment() {
        return TideflowDeployment.withTestHandlers();
    }

    private ApiClient api() {
        return new ApiClient(URI.create(deploymentUrl.toString()).resolve("api/"));
    }

    /** The docs' chain (docs/recurring-and-workflows.md): extract, then transform, then a report that runs anyway. */
    @Test
    void aChainRunsStepByStep() {
        ApiClient api = api();
        JsonObject created = submit(
                api,
                "{\"name\":\"nightly\",\"steps\":["
                        + "{\"step\":\"extract\",\"task\":{\"type\":\"demo.echo\",\"payload\":{\"n\":1}}},"
                        + "{\"step\":\"transform\",\"task\":{\"type\":\"demo.echo\",\"payload\":{\"n\":2}},"
                        + "\"after\":[\"extract\"]},"
                        + "{\"step\":\"report\",\"task\":{\"type\":\"it.fan-in\"},\"after\":[\"transform\"],"
                        + "\"onPredecessorFailure\":\"RUN\"}]}");
        assertThat(stateOf(created, "extract")).isIn("PENDING", "RUNNING", "COMPLETED");
        assertThat(stateOf(created, "report")).isEqualTo("WAITING");
        assertThat(step(created, "report").getJsonArray("after").getString(0)).isEqualTo("transform");

        JsonObject done = awaitFinished(api, created.getString("id"));
        assertThat(done.getJsonObject("counts").getInt("COMPLETED")).isEqualTo(3);
        // the report read its predecessor as completed when it ran: released after it, not merely logged after it
        // (an event's time is taken before its transaction commits, and on Derby a release may wait on the lock of
        // the predecessor's completion, so the two times alone do not order them)
        JsonObject report = api.get("tasks/" + step(done, "report").getString("taskId"), VIEWER)
                .json()
                .getJsonObject("result");
        assertThat(report.getInt("predecessors")).isEqualTo(1);
        assertThat(report.getInt("completed")).isEqualTo(1);
        assertThat(api.events(step(done, "report").getString("taskId")).get(0).getString("to"))
                .isEqualTo("WAITING");
    }

    @Test
    void aFanInRunsOnceAfterEveryPartAndReadsTheirResults() {
        ApiClient api = api();
        StringBuilder steps = new StringBuilder();
        int width = 300;
        for (int i = 0; i < width; i++) {
            steps.append("{\"step\":\"part/")
                    .append(i)
                    .append("\",\"task\":{\"type\":\"demo.echo\",\"payload\":{\"n\":1}}},");
        }
        steps.append("{\"step\":\"join\",\"task\":{\"type\":\"it.fan-in\"},\"after\":[\"part/*\"]}");
        JsonObject created = submit(api, "{\"name\":\"fan\",\"steps\":[" + steps + "]}");
        assertThat(step(created, "join").getJsonArray("after")).hasSize(width);

        JsonObject done = awaitFinished(api, created.getString("id"));
        String join = step(done, "join").getString("taskId");
        JsonObject result = api.get("tasks/" + join, VIEWER).json().getJsonObject("result");
        assertThat(result.getInt("predecessors")).isEqualTo(width);
        assertThat(result.getInt("completed")).isEqualTo(width);
        assertThat(result.getInt("sum")).isEqualTo(width);
        assertThat(api.get("it/effects/" + join, VIEWER).body()).isEqualTo("1");
        Instant lastPart = done.getJsonArray("steps").stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> s.getString("step").startsWith("part/"))
                .map(s -> completedAt(api, s.getString("taskId")))
                .max(Instant::compareTo)
                .orElseThrow();
        Instant released = ApiClient.firstAt(api.events(join), "PENDING");
        // the order is proved by the fan-in's result (every part completed when it ran): the event times are taken
        // before their transactions commit, and a release on Derby may wait on a completion's lock
        System.out.printf(
                "WorkflowIT: fan-out of %d and a fan-in: released %d ms after the last part's completion was logged%n",
                width, Duration.between(lastPart, released).toMillis());
    }

    @Test
    void aFailedStepCancelsWhatWaitsForItAndAStepThatRunsAnywayRuns() {
        ApiClient api = api();
        JsonObject created = submit(
                api,
                "{\"name\":\"doomed\",\"steps\":["
                        + "{\"step\":\"fails\",\"task\":{\"type\":\"demo.fail\",\"payload\":{\"always\":true},"
                        + "\"maxAttempts\":1}},"
                        + "{\"step\":\"next\",\"task\":{\"type\":\"demo.echo\"},\"after\":[\"fails\"]},"
                        + "{\"step\":\"after-next\",\"task\":{\"type\":\"demo.echo\"},\"after\":[\"next\"]},"
                        + "{\"step\":\"cleanup\",\"task\":{\"type\":\"it.fan-in\"},\"after\":[\"fails\"],"
                        + "\"onPredecessorFailure\":\"RUN\"}]}");

        JsonObject done = awaitFinished(api, created.getString("id"));
        assertThat(stateOf(done, "fails")).isEqualTo("DEAD_LETTER");
        assertThat(stateOf(done, "next")).isEqualTo("CANCELLED");
        assertThat(step(done, "next").getString("lastError")).contains("ended DEAD_LETTER");
        assertThat(stateOf(done, "after-next")).isEqualTo("CANCELLED");
        assertThat(step(done, "after-next").getString("lastError")).contains("ended CANCELLED");
        assertThat(stateOf(done, "cleanup")).isEqualTo("COMPLETED");
        JsonObject result = api.get("tasks/" + step(done, "cleanup").getString("taskId"), VIEWER)
                .json()
                .getJsonObject("result");
        assertThat(result.getInt("completed")).isZero();
    }

    @Test
    void aWorkflowIsCancelledAsAWhole() {
        ApiClient api = api();
        JsonObject created = submit(
                api,
                "{\"name\":\"cancel-me\",\"steps\":["
                        + "{\"step\":\"slow\",\"task\":{\"type\":\"demo.sleep\",\"payload\":{\"ms\":60000}}},"
                        + "{\"step\":\"after\",\"task\":{\"type\":\"demo.echo\"},\"after\":[\"slow\"]}]}");
        String id = created.getString("id");
        api.awaitState(step(created, "slow").getString("taskId"), "RUNNING");

        JsonObject cancelled =
                api.post("workflows/" + id + "/cancel", OPERATOR, "").json();
        assertThat(stateOf(cancelled, "after")).isEqualTo("CANCELLED");
        JsonObject done = awaitFinished(api, id);
        assertThat(stateOf(done, "slow")).isEqualTo("CANCELLED");
        assertThat(api.get("workflows/no-such-workflow", VIEWER).status()).isEqualTo(404);
        assertThat(api.post("workflows/" + id + "/cancel", VIEWER, "").status()).isEqualTo(403);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"x\",\"steps\":[{\"step\":\"a\",\"task\":{\"type\":\"demo.echo\"},\"after\":[\"b\"]},"
                        + "{\"step\":\"b\",\"task\":{\"type\":\"demo.echo\"},\"after\":[\"a\"]}]}|steps[0].after",
                "{\"name\":\"x\",\"steps\":[{\"step\":\"a\",\"task\":{\"type\":\"demo.echo\"},"
                        + "\"after\":[\"nope\"]}]}|steps[0].after[0]",
                "{\"name\":\"x\",\"steps\":[{\"step\":\"a\",\"task\":{\"type\":\"demo.echo\"},"
                        + "\"after\":[\"01a22059-3c17-7000-9c96-93f097f659f3\"]}]}|steps[0].after[0]",
                "{\"name\":\"x\",\"steps\":[{\"step\":\"a\",\"task\":{\"type\":\"demo.echo\"}},"
                        + "{\"step\":\"b\",\"task\":{\"type\":\"no.such.type\"},\"after\":[\"a\"]}]}|steps[1].task.type",
                "{\"name\":\"x\",\"steps\":[{\"step\":\"a\",\"task\":{\"type\":\"demo.echo\",\"priority\":42}}]}"
                        + "|steps[0].task.priority",
                "{\"name\":\"x\",\"steps\":[{\"step\":\"a\",\"task\":{\"type\":\"demo.echo\"},\"when\":1}]}"
                        + "|steps[0].when",
                "{\"name\":\"x\",\"steps\":[{\"step\":\"a\",\"task\":{\"type\":\"demo.echo\"}},"
                        + "{\"step\":\"a\",\"task\":{\"type\":\"demo.echo\"}}]}|steps[1].step",
                "{\"steps\":[{\"step\":\"a\",\"task\":{\"type\":\"demo.echo\"}}]}|name",
                "{\"name\":\"x\",\"steps\":[]}|steps"
            })
    void aBadWorkflowIsRefusedNamingTheFieldAndNothingIsEnqueued(String body, String field) {
        ApiClient.Response refused = api().post("workflows", OPERATOR, body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problem().getString("field")).isEqualTo(field);
    }

    private static JsonObject submit(ApiClient api, String body) {
        ApiClient.Response created = api.post("workflows", OPERATOR, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).contains("/api/workflows/");
        return created.json();
    }

    private static JsonObject awaitFinished(ApiClient api, String id) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            ApiClient.Response read = api.get("workflows/" + id, VIEWER);
                            assertThat(read.status()).as(read.body()).isEqualTo(200);
                            return read.json();
                        },
                        w -> w.getBoolean("finished"));
    }

    private static JsonObject step(JsonObject workflow, String name) {
        Map<String, JsonObject> steps = workflow.getJsonArray("steps").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(s -> s.getString("step"), s -> s));
        return steps.get(name);
    }

    private static String stateOf(JsonObject workflow, String name) {
        return step(workflow, name).getString("state");
    }

    private static Instant completedAt(ApiClient api, String taskId) {
        List<JsonObject> events = api.events(taskId);
        return ApiClient.firstAt(events, "COMPLETED");
    }
}
