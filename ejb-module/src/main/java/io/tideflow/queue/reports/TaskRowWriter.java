package io.tideflow.queue.reports;

import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.store.reporting.ExportedTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

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

    /** One JSON object per line; payload and result, stored as JSON, are embedded as they are. */
    static final class Ndjson extends TaskRowWriter {

        Ndjson(Writer out) {
            super(out);
        }

        @Override
        public void begin() {
            // NDJSON has no header
        }

        @Override
        public void write(ExportedTask task) {
            StringBuilder line = new StringBuilder(256 + task.payload().length());
            line.append("{\"id\":")
                    .append(quote(task.id()))
                    .append(",\"type\":")
                    .append(quote(task.type()))
                    .append(",\"group\":")
                    .append(quote(task.group()))
                    .append(",\"state\":")
                    .append(quote(task.state()))
                    .append(",\"priority\":")
                    .append(task.priority())
                    .append(",\"runAt\":")
                    .append(quote(time(task.runAt())))
                    .append(",\"createdAt\":")
                    .append(quote(time(task.createdAt())))
                    .append(",\"updatedAt\":")
                    .append(quote(time(task.updatedAt())))
                    .append(",\"attempts\":")
                    .append(task.attempts())
                    .append(",\"maxAttempts\":")
                    .append(task.maxAttempts());
            if (task.executionMs() != null) {
                line.append(",\"executionMs\":").append(task.executionMs());
            }
            if (task.lastError() != null) {
                line.append(",\"lastError\":").append(quote(task.lastError()));
            }
            line.append(",\"payload\":").append(task.payload());
            if (task.result() != null) {
                line.append(",\"result\":").append(task.result());
            }
            append(line.append("}\n").toString());
        }

        /** A JSON string literal (RFC 8259 escapes). */
        static String quote(String text) {
            StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    case '\n' -> quoted.append("\\n");
                    case '\r' -> quoted.append("\\r");
                    case '\t' -> quoted.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            quoted.append(String.format("\\u%04x", (int) c));
                        } else {
                            quoted.append(c);
                        }
                    }
                }
            }
            return quoted.append('"').toString();
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
