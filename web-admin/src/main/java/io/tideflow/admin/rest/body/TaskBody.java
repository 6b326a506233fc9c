package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskView;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;

/** A task; payload and result are embedded as JSON, not as strings, and are absent from lists. */
public record TaskBody(
        String id,
        String type,
        String group,
        TaskState state,
        int priority,
        int attempts,
        int maxAttempts,
        Instant runAt,
        Instant createdAt,
        Instant updatedAt,
        String lastError,
        JsonValue payload,
        JsonValue result,
        Long executionMs,
        Boolean cancelRequested,
        String requeuedFrom) {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    public static TaskBody of(TaskView task) {
        return new TaskBody(
                task.id().value(),
                task.type(),
                task.group(),
                task.state(),
                task.priority(),
                task.attempts(),
                task.maxAttempts(),
                task.runAt(),
                task.createdAt(),
                task.updatedAt(),
                task.lastError(),
                json(task.payloadJson()),
                json(task.resultJson()),
                task.executionMs(),
                task.cancelRequested() ? Boolean.TRUE : null,
                task.requeuedFrom() == null ? null : task.requeuedFrom().value());
    }

    private static JsonValue json(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
