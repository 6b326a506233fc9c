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
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recurring schedules on one node: declared by configuration and by the quickstart's annotated demo handler, made and
 * steered through the REST API, each slot one task with the slot as its run time, and bad definitions refused naming
 * the field (at deployment for declared ones).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecurringScheduleIT {

    private static final String DECLARED = "it.declared-every-second";

    @ArquillianResource
    @OperateOnDeployment("tideflow")
    URL deploymentUrl;

    @ArquillianResource
    Deployer deployer;

    /** The docs' configuration example (docs/recurring-and-workflows.md), per second, and the quickstart's demo. */
    @Deployment(name = "tideflow", testable = false)
    static WebArchive deployment() {
        return TideflowDeployment.withTestHandlers(
                "tideflow.war",
                "tideflow.schedules.poll-interval=PT0.2S\n"
                        + "tideflow.demo.schedule.enabled=true\n"
                        + "tideflow.schedule.\"" + DECLARED + "\".type=it.noop\n"
                        + "tideflow.schedule.\"" + DECLARED + "\".cron=* * * * * *\n"
                        + "tideflow.schedule.\"" + DECLARED + "\".payload={\"from\": \"configuration\"}\n"
                        + "tideflow.schedule.\"" + DECLARED + "\".misfire=skip\n");
    }

    @Deployment(name = "bad-schedule", managed = false, testable = false)
    static WebArchive badSchedule() {
        return TideflowDeployment.withTestHandlers(
                "bad-schedule.war",
                "tideflow.schedule.\"it.bad\".type=it.noop\ntideflow.schedule.\"it.bad\".cron=61 * * * *\n");
    }

    private ApiClient api() {
        return new ApiClient(URI.create(deploymentUrl.toString()).resolve("api/"));
    }

    @Test
    void declaredSchedulesAreListedAndEverySlotGetsOneTaskRunAtItsSlot() {
        ApiClient api = api();
        JsonObject declared = schedule(api, DECLARED);
        assertThat(declared.getString("origin")).isEqualTo("DECLARED");
        assertThat(declared.getString("misfire")).isEqualTo("SKIP");
        assertThat(declared.getJsonObject("payload").getString("from")).isEqualTo("configuration");
        JsonObject demo = schedule(api, "demo.every-minute");
        assertThat(demo.getString("type")).isEqualTo("demo.tick");
        assertThat(demo.getString("cron")).isEqualTo("* * * * *");
        assertThat(nextFireTimes(demo))
                .hasSize(5)
                .allSatisfy(
                        slot -> assertThat(slot.truncatedTo(ChronoUnit.MINUTES)).isEqualTo(slot));

        // four slots fired from now on (another test pauses the schedule, which leaves a gap); the three before the
        // latest: one task each, found by the slot's key
        long firedBefore = schedule(api, DECLARED).getJsonNumber("firedCount").longValue();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> schedule(api, DECLARED).getJsonNumber("firedCount").longValue() >= firedBefore + 4);
        Instant latest = lastSlot(api, DECLARED);
        for (int back = 1; back <= 3; back++) {
            Instant slot = latest.minusSeconds(back);
            List<JsonObject> ofSlot = tasks(api, "idempotencyKey=" + encoded("schedule:" + DECLARED + "@" + slot));
            assertThat(ofSlot).as("tasks of slot %s", slot).hasSize(1);
            assertThat(ofSlot.get(0).getString("type")).isEqualTo("it.noop");
            JsonObject task =
                    api.get("tasks/" + ofSlot.get(0).getString("id"), VIEWER).json();
            assertThat(task.getJsonObject("payload").getString("from")).isEqualTo("configuration");
            assertThat(Instant.parse(task.getString("runAt"))).isAfterOrEqualTo(slot);
        }
        assertThat(schedule(api, DECLARED).getJsonNumber("firedCount").longValue())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aDeclaredScheduleIsPausedAndResumedButNeitherChangedNorDeletedThroughTheApi() {
        ApiClient api = api();
        ApiClient.Response changed =
                api.put("schedules/" + DECLARED, OPERATOR, "{\"type\":\"it.noop\",\"cron\":\"0 * * * *\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(409);
        assertThat(changed.problem().getString("detail")).contains("is declared");
        assertThat(api.delete("schedules/" + DECLARED, OPERATOR).status()).isEqualTo(409);

        JsonObject paused =
                api.post("schedules/" + DECLARED + "/pause", OPERATOR, "").json();
        try {
            assertThat(paused.getBoolean("paused")).isTrue();
            assertThat(nextFireTimes(paused)).isEmpty();
            long firedWhenPaused = paused.getJsonNumber("firedCount").longValue();
            await().during(Duration.ofMillis(1_500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() ->
                            schedule(api, DECLARED).getJsonNumber("firedCount").longValue() == firedWhenPaused);
        } finally {
            JsonObject resumed =
                    api.post("schedules/" + DECLARED + "/resume", OPERATOR, "").json();
            assertThat(resumed.getBoolean("paused")).isFalse();
            assertThat(nextFireTimes(resumed)).hasSize(5);
        }
        long firedAtResume = schedule(api, DECLARED).getJsonNumber("firedCount").longValue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> schedule(api, DECLARED).getJsonNumber("firedCount").longValue() > firedAtResume);
    }

    @Test
    void aScheduleMadeThroughTheApiFiresIsChangedAndDeleted() {
        ApiClient api = api();
        String name = "it-api-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "it-schedules-" + name;
        ApiClient.Response created = api.post(
                "schedules",
                OPERATOR,
                "{\"name\":\"" + name + "\",\"type\":\"demo.echo\",\"cron\":\"* * * * * *\","
                        + "\"zone\":\"Europe/Berlin\",\"payload\":{\"n\":1},\"group\":\"" + group + "\","
                        + "\"priority\":7,\"misfire\":\"catch-up\",\"catchUpLimit\":3}");
        try {
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.location()).endsWith("/api/schedules/" + name);
            JsonObject body = created.json();
            assertThat(body.getString("origin")).isEqualTo("API");
            assertThat(body.getString("zone")).isEqualTo("Europe/Berlin");
            assertThat(body.getString("misfire")).isEqualTo("CATCH_UP");
            assertThat(body.getInt("catchUpLimit")).isEqualTo(3);
            assertThat(api.post(
                                    "schedules",
                                    OPERATOR,
                                    "{\"name\":\"" + name + "\",\"type\":\"demo.echo\",\"cron\":\"* * * * *\"}")
                            .status())
                    .isEqualTo(409);

            JsonObject task = await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> tasks(api, "type=demo.echo&group=" + group), found -> !found.isEmpty())
                    .get(0);
            assertThat(task.getInt("priority")).isEqualTo(7);
            Instant slot = lastSlot(api, name);
            assertThat(slot.getNano()).isZero();
            assertThat(tasks(api, "idempotencyKey=" + encoded("schedule:" + name + "@" + slot)))
                    .singleElement()
                    .satisfies(ofSlot -> assertThat(ofSlot.getString("group")).isEqualTo(group));

            ApiClient.Response changed = api.put(
                    "schedules/" + name, OPERATOR, "{\"type\":\"demo.echo\",\"cron\":\"0 0 1 1 *\",\"zone\":\"UTC\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            JsonObject yearly = changed.json();
            assertThat(yearly.getString("cron")).isEqualTo("0 0 1 1 *");
            assertThat(yearly.getString("misfire")).isEqualTo("RUN_ONCE");
            assertThat(nextFireTimes(yearly).get(0).toString()).endsWith("-01-01T00:00:00Z");
            assertThat(yearly.getJsonNumber("firedCount").longValue()).isPositive();
        } finally {
            api.delete("schedules/" + name, OPERATOR);
        }
        assertThat(api.get("schedules/" + name, VIEWER).status()).isEqualTo(404);
        assertThat(api.delete("schedules/" + name, OPERATOR).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"demo.echo\",\"cron\":\"* * * * *\"}|name",
                "{\"name\":\"it x\",\"type\":\"demo.echo\",\"cron\":\"* * * * *\"}|name",
                "{\"name\":\"it-bad\",\"type\":\"no.such.type\",\"cron\":\"* * * * *\"}|type",
                "{\"name\":\"it-bad\",\"type\":\"demo.echo\",\"cron\":\"every minute\"}|cron",
                "{\"name\":\"it-bad\",\"type\":\"demo.echo\",\"cron\":\"0 0 30 2 *\"}|cron",
                "{\"name\":\"it-bad\",\"type\":\"demo.echo\",\"cron\":\"* * * * *\",\"zone\":\"Mars/Base\"}|zone",
                "{\"name\":\"it-bad\",\"type\":\"demo.echo\",\"cron\":\"* * * * *\",\"misfire\":\"later\"}|misfire",
                "{\"name\":\"it-bad\",\"type\":\"demo.echo\",\"cron\":\"* * * * *\",\"catchUpLimit\":0}|catchUpLimit",
                "{\"name\":\"it-bad\",\"type\":\"demo.echo\",\"cron\":\"* * * * *\",\"priority\":12}|priority",
                "{\"name\":\"it-bad\",\"type\":\"demo.echo\",\"cron\":\"* * * * *\",\"when\":1}|when"
            })
    void aBadScheduleIsRefusedNamingTheFieldAndNothingIsCreated(String body, String field) {
        ApiClient api = api();
        ApiClient.Response refused = api.post("schedules", OPERATOR, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problem().getString("field")).isEqualTo(field);
        assertThat(api.get("schedules/it-bad", VIEWER).status()).isEqualTo(404);
    }

    @Test
    void aViewerReadsSchedulesButCannotMakeThem() {
        ApiClient api = api();
        assertThat(api.get("schedules", VIEWER).status()).isEqualTo(200);
        assertThat(api.post("schedules", VIEWER, "{\"name\":\"x\",\"type\":\"demo.echo\",\"cron\":\"* * * * *\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("schedules/" + DECLARED + "/pause", VIEWER, "").status())
                .isEqualTo(403);
    }

    @Test
    void aBadDeclaredScheduleFailsTheDeploymentNamingItAndTheField() {
        assertThatThrownBy(() -> deployer.deploy("bad-schedule"))
                .hasStackTraceContaining("recurring schedule 'it.bad' is declared with a problem")
                .hasStackTraceContaining("61 * * * *");
    }

    private static JsonObject schedule(ApiClient api, String name) {
        ApiClient.Response found = api.get("schedules/" + name, VIEWER);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json();
    }

    private static Instant lastSlot(ApiClient api, String name) {
        String slot = schedule(api, name).getString("lastSlot", null);
        return slot == null ? null : Instant.parse(slot);
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<Instant> nextFireTimes(JsonObject schedule) {
        return schedule.getJsonArray("nextFireTimes").stream()
                .map(slot -> Instant.parse(((jakarta.json.JsonString) slot).getString()))
                .toList();
    }

    /** The tasks a list query finds (the newest 500). */
    private static List<JsonObject> tasks(ApiClient api, String query) {
        return api.get("tasks?" + query + "&limit=500", VIEWER).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }
}
