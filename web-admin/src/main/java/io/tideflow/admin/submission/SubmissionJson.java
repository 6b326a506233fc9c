package io.tideflow.admin.submission;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The submission body that REST and JMS share: one task ({@code {"type": ..., "payload": ...}}) or a batch
 * ({@code {"tasks": [...]}}), read strictly; every refusal names the field, as in {@code tasks[3].type}.
 */
public final class SubmissionJson {

    private static final Set<String> FIELDS =
            Set.of("type", "payload", "group", "priority", "maxAttempts", "runAt", "idempotencyKey");

    private SubmissionJson() {}

    /** The body as one JSON object (duplicate keys, excessive nesting and overlong numbers refused). */
    public static JsonObject readObject(byte[] body) {
        return StrictJson.readObject(body, "a JSON object with at least \"type\"");
    }

    /** Whether the object is a batch body, {@code {"tasks": [...]}}. */
    public static boolean isBatch(JsonObject json) {
        return json.containsKey("tasks");
    }

    /** Reads {@code {"tasks": [submission, ...]}}. */
    public static List<TaskRequest> batch(JsonObject json) {
        for (String name : json.keySet()) {
            if (!name.equals("tasks")) {
                throw new InvalidTaskRequestException(
                        name, "is not a field of a batch submission; send {\"tasks\": [...]}");
            }
        }
        JsonValue tasks = json.get("tasks");
        if (!(tasks instanceof JsonArray array)) {
            throw new InvalidTaskRequestException("tasks", "must be an array of task submissions");
        }
        List<TaskRequest> requests = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (!(item instanceof JsonObject submission)) {
                throw new InvalidTaskRequestException("tasks[" + i + "]", "must be a JSON object");
            }
            requests.add(request(submission, "tasks[" + i + "]."));
        }
        return requests;
    }

    /**
     * Reads one submission.
     *
     * @param prefix put before each field's name in a refusal: empty for a single body, {@code tasks[3].} in a batch
     */
    public static TaskRequest request(JsonObject json, String prefix) {
        for (String name : json.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidTaskRequestException(
                        prefix + name, "is not a field of a task submission; known fields" + " are " + FIELDS);
            }
        }
        JsonValue payload = json.getOrDefault("payload", JsonValue.NULL);
        return new TaskRequest(
                text(json, prefix, "type"),
                payload.toString(),
                text(json, prefix, "group"),
                JsonFields.whole(json, "priority", prefix + "priority"),
                JsonFields.whole(json, "maxAttempts", prefix + "maxAttempts"),
                instant(json, prefix, "runAt"),
                text(json, prefix, "idempotencyKey"));
    }

    private static String text(JsonObject json, String prefix, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidTaskRequestException(prefix + field, "must be a string, got " + value.getValueType());
    }

    private static Instant instant(JsonObject json, String prefix, String field) {
        String text = text(json, prefix, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidTaskRequestException(
                    prefix + field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
