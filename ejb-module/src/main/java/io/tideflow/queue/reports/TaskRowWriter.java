package io.tideflow.queue.reports;

import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.store.reporting.ExportedTask;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;

/** Writes exported tasks as NDJSON lines or CSV records, one at a time, holding nothing back. */
public abstract class TaskRowWriter {

    static final String[] CSV_COLUMNS = {
        "id",
        "type",
        "group",
        "state",
        "priority",
        "runAt",
        "createdAt",
        "updatedAt",
        "attempts",
        "maxAttempts",
        "executionMs",
        "lastError",
        "payload",
        "result"
    };

    protected final Writer out;

    TaskRowWriter(Writer out) {
        this.out = out;
    }

    public static TaskRowWriter of(ExportFormat format, Writer out) {
        return format == ExportFormat.CSV ? new Csv(out) : new Ndjson(out);
    }

    /** Whatever comes before the first row (the CSV header). */
    public abstract void begin();

    public abstract void write(ExportedTask task);

    /**
     * The last line, written only when every selected task was: an export without it was cut short (the database
     * failed, the server stopped), however complete it looks.
     */
    public abstract void end(long tasks);

    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    void append(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
    }

    /** One JSON object per line; payload and result, stored as JSON, are embedded as JSON values. */
    static final class Ndjson extends TaskRowWriter {

        private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());
        private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

        Ndjson(Writer out) {
            super(out);
        }

        @Override
        public void begin() {
            // NDJSON has no header
        }

        @Override
        public void write(ExportedTask task) {
            StringWriter line = new StringWriter(256 + task.payload().length());
            try (JsonGenerator json = GENERATORS.createGenerator(line)) {
                json.writeStartObject()
                        .write("id", task.id())
                        .write("type", task.type())
                        .write("group", task.group())
                        .write("state", task.state())
                        .write("priority", task.priority())
                        .write("runAt", time(task.runAt()))
                        .write("createdAt", time(task.createdAt()))
                        .write("updatedAt", time(task.updatedAt()))
                        .write("attempts", task.attempts())
                        .write("maxAttempts", task.maxAttempts());
                if (task.executionMs() != null) {
                    json.write("executionMs", task.executionMs());
                }
                if (task.lastError() != null) {
                    json.write("lastError", task.lastError());
                }
                json.write("payload", parse(task.payload()));
                if (task.result() != null) {
                    json.write("result", parse(task.result()));
                }
                json.writeEnd();
            }
            append(line.append('\n').toString());
        }

        @Override
        public void end(long tasks) {
            append("{\"exportComplete\":true,\"tasks\":" + tasks + "}\n");
        }

        private static JsonValue parse(String stored) {
            try (JsonReader reader = READERS.createReader(new StringReader(stored))) {
                return reader.readValue();
            }
        }
    }

    /** RFC 4180: a header line, CRLF line ends, fields with a comma, quote or line break quoted. */
    static final class Csv extends TaskRowWriter {

        Csv(Writer out) {
            super(out);
        }

        @Override
        public void begin() {
            append(String.join(",", CSV_COLUMNS) + "\r\n");
        }

        @Override
        public void end(long tasks) {
            append("# export complete: " + tasks + " tasks\r\n");
        }

        @Override
        public void write(ExportedTask task) {
            String[] fields = {
                task.id(),
                task.type(),
                task.group(),
                task.state(),
                String.valueOf(task.priority()),
                time(task.runAt()),
                time(task.createdAt()),
                time(task.updatedAt()),
                String.valueOf(task.attempts()),
                String.valueOf(task.maxAttempts()),
                task.executionMs() == null ? "" : String.valueOf(task.executionMs()),
                task.lastError() == null ? "" : task.lastError(),
                task.payload(),
                task.result() == null ? "" : task.result()
            };
            StringBuilder record = new StringBuilder(256);
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    record.append(',');
                }
                record.append(field(fields[i]));
            }
            append(record.append("\r\n").toString());
        }

        static String field(String value) {
            if (value.indexOf(',') < 0
                    && value.indexOf('"') < 0
                    && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }
}
