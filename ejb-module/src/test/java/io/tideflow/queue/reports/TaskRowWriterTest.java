package io.tideflow.queue.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.store.reporting.ExportedTask;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TaskRowWriterTest {

    private static final ExportedTask AWKWARD = new ExportedTask(
            "01a2-x",
            "mail.send",
            "mail",
            "DEAD_LETTER",
            5,
            0,
            1_000,
            2_000,
            3,
            3,
            "java.lang.IllegalStateException: \"quoted\", with comma\n\tat x\u0001",
            "{\"to\":\"a@b.c\",\"n\":[1,2]}",
            null,
            null);

    @Test
    void ndjsonWritesOneLinePerTaskWhenThePayloadAndResultWereStoredPrettyPrinted() {
        StringWriter out = new StringWriter();
        TaskRowWriter writer = TaskRowWriter.of(ExportFormat.NDJSON, out);
        writer.begin();
        writer.write(new ExportedTask(
                "01a2-z",
                "t",
                "g",
                "COMPLETED",
                0,
                0,
                0,
                0,
                1,
                5,
                null,
                "{\n  \"to\": [\n    \"a@b.c\"\n  ],\r\n  \"n\": 1\n}\n",
                "{\n  \"ok\": true\n}",
                3L));

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(1);
        assertThat(parse(lines[0]).getJsonObject("payload").getJsonArray("to").getString(0))
                .isEqualTo("a@b.c");
    }

    @Test
    void theLastLineSaysTheExportIsCompleteAndHowManyTasksItHolds() {
        StringWriter ndjson = new StringWriter();
        TaskRowWriter rows = TaskRowWriter.of(ExportFormat.NDJSON, ndjson);
        rows.begin();
        rows.write(AWKWARD);
        rows.end(1);
        String[] lines = ndjson.toString().split("\n");
        assertThat(parse(lines[1]).getBoolean("exportComplete")).isTrue();
        assertThat(parse(lines[1]).getInt("tasks")).isEqualTo(1);

        StringWriter csv = new StringWriter();
        TaskRowWriter csvRows = TaskRowWriter.of(ExportFormat.CSV, csv);
        csvRows.begin();
        csvRows.end(0);
        assertThat(csv.toString()).endsWith("\r\n# export complete: 0 tasks\r\n");
    }

    @Test
    void ndjsonWritesOneParsableObjectPerLineWithThePayloadEmbedded() {
        StringWriter out = new StringWriter();
        TaskRowWriter writer = TaskRowWriter.of(ExportFormat.NDJSON, out);
        writer.begin();
        writer.write(AWKWARD);
        writer.write(
                new ExportedTask("01a2-y", "t", "g", "COMPLETED", 0, 0, 0, 0, 1, 5, null, "1", "{\"ok\":true}", 12L));
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        JsonObject first = parse(lines[0]);
        assertThat(first.getString("lastError")).isEqualTo(AWKWARD.lastError());
        assertThat(first.getJsonObject("payload").getJsonArray("n")).hasSize(2);
        assertThat(first.getString("createdAt")).isEqualTo("1970-01-01T00:00:01Z");
        assertThat(first.containsKey("result")).isFalse();
        JsonObject second = parse(lines[1]);
        assertThat(second.getJsonObject("result").getBoolean("ok")).isTrue();
        assertThat(second.getInt("executionMs")).isEqualTo(12);
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaks() {
        StringWriter out = new StringWriter();
        TaskRowWriter writer = TaskRowWriter.of(ExportFormat.CSV, out);
        writer.begin();
        writer.write(AWKWARD);
        String csv = out.toString();
        assertThat(csv)
                .startsWith("id,type,group,state,priority,runAt,createdAt,updatedAt,attempts,maxAttempts,"
                        + "executionMs,lastError,payload,result\r\n");
        assertThat(csv).contains(",\"java.lang.IllegalStateException: \"\"quoted\"\", with comma\n\tat x\u0001\",");
        assertThat(csv).contains(",\"{\"\"to\"\":\"\"a@b.c\"\",\"\"n\"\":[1,2]}\",");
        assertThat(csv).endsWith(",\r\n");
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }
}
