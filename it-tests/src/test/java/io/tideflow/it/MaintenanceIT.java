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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The housekeeping job {@code tideflow-maintenance}, on a deployment whose retentions are seconds long: finished tasks
 * archived and export files deleted by its executions, which are listed with what each step did.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MaintenanceIT {

    private static final String SHORT_RETENTIONS = "tideflow.archive.interval=PT1S\n"
            + "tideflow.archive.after=PT1S\n"
            + "tideflow.export.retention=PT3S\n"
            // longer than the export file's, so that a test sees the file go before its execution's record
            + "tideflow.batch.execution-retention=PT8S\n";

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TideflowDeployment.withTestHandlers("tideflow.war", SHORT_RETENTIONS);
    }

    private ApiClient api() {
        return new ApiClient(URI.create(deploymentUrl.toString()).resolve("api/"));
    }

    @Test
    void aFinishedTaskIsArchivedByTheMaintenanceJobWhoseStepsSayWhatTheyDid() {
        ApiClient api = api();
        String group = "maintenance-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response submitted =
                api.post("tasks", OPERATOR, "{\"type\":\"it.noop\",\"group\":\"" + group + "\",\"payload\":{}}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().getString("id");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("tasks/" + id, VIEWER).json().getString("state"), "ARCHIVED"::equals);

        JsonObject archiving = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> maintenanceExecutions(api).stream()
                                .filter(e -> e.getString("status").equals("COMPLETED"))
                                .filter(e -> stepExits(e)
                                        .getOrDefault("archive", "archived 0")
                                        .matches("archived [1-9][0-9]*"))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        Map<String, String> exits = stepExits(archiving);
        assertThat(exits.keySet()).containsExactly("archive", "purge", "metric-history", "export-files", "executions");
        assertThat(exits.get("archive")).matches("archived [1-9][0-9]*");
        assertThat(exits.get("purge")).matches("deleted [0-9]+");
        assertThat(exits.get("metric-history")).matches("deleted [0-9]+");
        assertThat(exits.get("export-files")).matches("deleted [0-9]+");
        assertThat(exits.get("executions")).matches("forgot [0-9]+");
        assertThat(archiving.getString("startedBy")).isEqualTo("(application)");
    }

    @Test
    void anExportFileIsDeletedOnceOlderThanItsRetentionAndTheExecutionForgottenOnceOlderThanItsOwn() {
        ApiClient api = api();
        String group = "maintenance-export-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("groups/" + group + "/pause", OPERATOR, "");
        assertThat(api.post("tasks", OPERATOR, "{\"type\":\"it.noop\",\"group\":\"" + group + "\",\"payload\":{}}")
                        .status())
                .isEqualTo(201);
        ApiClient.Response started = api.post("exports?format=ndjson&group=" + group, OPERATOR, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long export = started.json().getJsonNumber("id").longValue();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("exports/" + export, VIEWER).json().getString("status"), "COMPLETED"::equals);
        assertThat(api.get("exports/" + export + "/file", VIEWER).status()).isEqualTo(200);

        // 3 s of retention, then the next execution of the job (every second) deletes it
        ApiClient.Response gone = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("exports/" + export + "/file", VIEWER), response -> response.status() != 200);
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.problem().getString("detail")).contains("its file was deleted since");

        // 8 s of retention for executions: then the export is no batch execution any more
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("batches/" + export, VIEWER).status(), status -> status == 404);
        assertThat(api.get("exports/" + export, VIEWER).status()).isEqualTo(404);
        assertThat(maintenanceExecutions(api))
                .anySatisfy(e ->
                        assertThat(stepExits(e).getOrDefault("executions", "")).matches("forgot [1-9][0-9]*"));
        api.post("groups/" + group + "/resume", OPERATOR, "");
    }

    private static List<JsonObject> maintenanceExecutions(ApiClient api) {
        return api.get("batches?limit=200", VIEWER).json().getJsonArray("executions").stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> e.getString("job").equals("tideflow-maintenance"))
                .toList();
    }

    private static Map<String, String> stepExits(JsonObject execution) {
        return execution.getJsonArray("steps").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(
                        step -> step.getString("name"),
                        step -> step.isNull("exitStatus") ? "" : step.getString("exitStatus"),
                        (a, b) -> a,
                        LinkedHashMap::new));
    }
}
