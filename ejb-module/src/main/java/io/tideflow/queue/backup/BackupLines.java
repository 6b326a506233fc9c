package io.tideflow.queue.backup;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.Insight;
import io.tideflow.queue.api.admin.InsightSeverity;
import io.tideflow.queue.store.reporting.InsightStore;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;

/**
 * The lines of a backup file, one JSON object each: a header first ({@code tideflowHistoryBackup}: the format's
 * version, and the ranges of hours and insight sets it covers), then {@code hour} and {@code insight} lines, and a
 * last line {@code backupComplete} with their counts. A file without its last line is incomplete and is refused.
 */
final class BackupLines {

    static final int VERSION = 1;

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    private BackupLines() {}

    /** What the backup covers: a restore replaces these ranges, nothing else. */
    record Header(Instant writtenAt, long hoursFrom, long hoursTo, long insightsFrom, long insightsTo) {}

    record Footer(long hours, long insights) {}

    static String header(Header header) {
        return JSON.createObjectBuilder()
                .add("tideflowHistoryBackup", VERSION)
                .add("writtenAt", header.writtenAt().toString())
                .add("hoursFrom", header.hoursFrom())
                .add("hoursTo", header.hoursTo())
                .add("insightsFrom", header.insightsFrom())
                .add("insightsTo", header.insightsTo())
                .build()
                .toString();
    }

    static String hour(MetricRow row) {
        JsonObjectBuilder hour = JSON.createObjectBuilder()
                .add("ts", row.ts())
                .add("group", row.group())
                .add("metric", row.metricType())
                .add("node", row.node())
                .add("value", row.value());
        optional(hour, "metadata", row.metadata());
        optional(hour, "type", row.type());
        return JSON.createObjectBuilder().add("hour", hour).build().toString();
    }

    static String insight(InsightStore.Dated dated) {
        Insight insight = dated.insight();
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add("computedAt", dated.computedAt().toEpochMilli())
                .add("kind", insight.kind())
                .add("severity", insight.severity().name())
                .add("observed", insight.observed())
                .add("message", insight.message());
        optional(line, "group", insight.group());
        optional(line, "type", insight.type());
        optional(line, "node", insight.node());
        if (insight.baseline() != null) {
            line.add("baseline", insight.baseline());
        }
        return JSON.createObjectBuilder().add("insight", line).build().toString();
    }

    static String footer(Footer footer) {
        return JSON.createObjectBuilder()
                .add("backupComplete", true)
                .add("hours", footer.hours())
                .add("insights", footer.insights())
                .build()
                .toString();
    }

    /** One line read back: a {@link Header}, a {@link MetricRow} (an hour), a dated insight or a {@link Footer}. */
    static Object parse(String text, long number) {
        JsonObject line;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            line = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw problem(number, "is not a JSON object: " + e.getMessage());
        }
        try {
            if (line.containsKey("tideflowHistoryBackup")) {
                if (line.getInt("tideflowHistoryBackup") != VERSION) {
                    throw problem(
                            number,
                            "is a backup of format " + line.get("tideflowHistoryBackup")
                                    + "; this version reads format " + VERSION);
                }
                return new Header(
                        Instant.parse(line.getString("writtenAt")),
                        line.getJsonNumber("hoursFrom").longValue(),
                        line.getJsonNumber("hoursTo").longValue(),
                        line.getJsonNumber("insightsFrom").longValue(),
                        line.getJsonNumber("insightsTo").longValue());
            }
            if (line.containsKey("hour")) {
                JsonObject hour = line.getJsonObject("hour");
                return new MetricRow(
                        hour.getJsonNumber("ts").longValue(),
                        Resolution.HOUR,
                        hour.getString("group"),
                        hour.getString("metric"),
                        hour.getString("node"),
                        hour.getJsonNumber("value").doubleValue(),
                        hour.getString("metadata", null),
                        null,
                        hour.getString("type", null));
            }
            if (line.containsKey("insight")) {
                JsonObject insight = line.getJsonObject("insight");
                JsonValue baseline = insight.get("baseline");
                return new InsightStore.Dated(
                        Instant.ofEpochMilli(insight.getJsonNumber("computedAt").longValue()),
                        new Insight(
                                insight.getString("kind"),
                                InsightSeverity.valueOf(insight.getString("severity")),
                                insight.getString("group", null),
                                insight.getString("type", null),
                                insight.getString("node", null),
                                insight.getJsonNumber("observed").doubleValue(),
                                baseline instanceof JsonNumber known ? known.doubleValue() : null,
                                insight.getString("message")));
            }
            if (line.getBoolean("backupComplete", false)) {
                return new Footer(
                        line.getJsonNumber("hours").longValue(),
                        line.getJsonNumber("insights").longValue());
            }
        } catch (NullPointerException | ClassCastException | IllegalArgumentException | JsonException e) {
            if (e instanceof InvalidTaskRequestException known) {
                throw known;
            }
            throw problem(number, "misses a field or has one of the wrong kind: " + e.getMessage());
        }
        throw problem(number, "is neither the header, an hour, an insight nor the last line");
    }

    static InvalidTaskRequestException problem(long number, String problem) {
        return new InvalidTaskRequestException("line " + number, problem);
    }

    private static void optional(JsonObjectBuilder builder, String name, String value) {
        if (value != null) {
            builder.add(name, value);
        }
    }
}
