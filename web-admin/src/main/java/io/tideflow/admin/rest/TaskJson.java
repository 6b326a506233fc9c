package io.tideflow.admin.rest;

import io.tideflow.queue.api.admin.TaskEventView;
import io.tideflow.queue.api.admin.TaskView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** Writes task snapshots as JSON; payload and result are embedded as JSON, not as strings. */
final class TaskJson {

    private TaskJson() {}

    static JsonObjectBuilder of(TaskView task) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", task.id().value())
                .add("type", task.type())
                .add("group", task.group())
                .add("state", task.state().name())
                .add("priority", task.priority())
                .add("attempts", task.attempts())
                .add("maxAttempts", task.maxAttempts())
                .add("runAt", task.runAt().toString())
                .add("createdAt", task.createdAt().toString())
                .add("updatedAt", task.updatedAt().toString());
        addIfPresent(json, "lastError", task.lastError());
        if (task.payloadJson() != null) {
            json.add("payload", parse(task.payloadJson()));
        }
        if (task.resultJson() != null) {
            json.add("result", parse(task.resultJson()));
        }
        if (task.executionMs() != null) {
            json.add("executionMs", task.executionMs());
        }
        if (task.cancelRequested()) {
            json.add("cancelRequested", true);
        }
        if (task.requeuedFrom() != null) {
            json.add("requeuedFrom", task.requeuedFrom().value());
        }
        return json;
    }

    static JsonObjectBuilder history(List<TaskEventView> events) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (TaskEventView event : events) {
            JsonObjectBuilder json = Json.createObjectBuilder();
            if (event.from() == null) {
                json.addNull("from");
            } else {
                json.add("from", event.from().name());
            }
            json.add("to", event.to().name())
                    .add("at", event.at().toString())
                    .add("node", event.node())
                    .add("attempt", event.attempt());
            addIfPresent(json, "detail", event.detail());
            array.add(json);
        }
        return Json.createObjectBuilder().add("events", array);
    }

    static JsonObjectBuilder page(List<TaskView> items, String next) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(task -> array.add(of(task)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("items", array);
        if (next == null) {
            json.addNull("next");
        } else {
            json.add("next", next);
        }
        return json;
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
