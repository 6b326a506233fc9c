package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Exports written to a file by the {@code tideflow-export} Jakarta Batch job: started over REST, followed until
 * complete, the file handed out with every selected task once and the trailer; listed with the batch executions;
 * refusals named.
 */
class FileExportIT extends TestHandlersDeployment {

    @Test
    void anExportIsWrittenToAFileInTheBackgroundAndHandedOutWhenComplete() {
        ApiClient api = api();
        String group = "file-export-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("groups/" + group + "/pause", OPERATOR, "");
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < 1_234; i++) {
            tasks.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"it.noop\",\"group\":\"")
                    .append(group)
                    .append("\",\"payload\":{\"n\":")
                    .append(i)
                    .append("}}");
        }
        assertThat(api.post("tasks/batch", OPERATOR, "{\"tasks\":[" + tasks + "]}")
                        .status())
                .isEqualTo(201);

        ApiClient.Response started = api.post("exports?format=csv&state=PENDING&group=" + group, OPERATOR, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.location()).contains("/api/exports/");
        long id = started.json().getJsonNumber("id").longValue();
        assertThat(started.json().getJsonObject("filter").getString("group")).isEqualTo(group);

        JsonObject done = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> api.get("exports/" + id, VIEWER).json(),
                        export -> !export.getString("status").matches("STARTING|STARTED"));
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.getJsonNumber("tasks").longValue()).isEqualTo(1_234);
        assertThat(done.getString("file")).endsWith("/api/exports/" + id + "/file");
        assertThat(done.getString("startedBy")).isEqualTo("demo-operator");

        ApiClient.Response file = api.get("exports/" + id + "/file", VIEWER);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat((long) file.body().getBytes(StandardCharsets.UTF_8).length)
                .isEqualTo(done.getJsonNumber("bytes").longValue());
        List<String> lines = Arrays.asList(file.body().split("\r\n"));
        // the header, a record per task, the trailer that says the export is complete
        assertThat(lines).hasSize(1 + 1_234 + 1);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("# export complete: 1234 tasks");
        assertThat(lines.subList(1, 1_235)).allMatch(line -> line.contains(group));
        assertThat(lines.subList(1, 1_235).stream()
                        .map(line -> line.split(",")[0])
                        .distinct())
                .hasSize(1_234);

        // the export is one of the batch executions
        JsonObject execution = api.get("batches/" + id, VIEWER).json();
        assertThat(execution.getString("job")).isEqualTo("tideflow-export");
        assertThat(execution.getString("status")).isEqualTo("COMPLETED");
        api.post("groups/" + group + "/resume", OPERATOR, "");
    }

    @Test
    void refusalsNameWhatIsWrong() {
        ApiClient api = api();
        assertThat(api.post("exports?format=csv", VIEWER, "").status())
                .as("starting an export is an operator's write")
                .isEqualTo(403);
        ApiClient.Response format = api.post("exports?format=xml", OPERATOR, "");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.problem().getString("field")).isEqualTo("format");
        ApiClient.Response state = api.post("exports?state=SLEEPING", OPERATOR, "");
        assertThat(state.status()).isEqualTo(400);
        assertThat(state.problem().getString("field")).isEqualTo("state");
        assertThat(api.get("exports/987654321", VIEWER).status()).isEqualTo(404);
        assertThat(api.get("exports/987654321/file", VIEWER).status()).isEqualTo(404);
        ApiClient.Response id = api.get("exports/abc", VIEWER);
        assertThat(id.status()).isEqualTo(400);
        assertThat(id.problem().getString("field")).isEqualTo("id");
    }
}
