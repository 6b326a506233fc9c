package io.tideflow.admin.rest;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.PayloadTooLargeException;
import io.tideflow.queue.api.TaskRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a submission body into a {@link TaskRequest}, or a batch body into a list of them. The body is read up to a bound before it is parsed, so an
 * oversized request costs no more memory than the bound; every refusal names the field.
 */
final class SubmissionParser {

    private static final Set<String> FIELDS =
            Set.of("type", "payload", "group", "priority", "maxAttempts", "runAt", "idempotencyKey");
    /** Room for the fields around the payload; the engine checks the payload's own size exactly. */
    private static final int ENVELOPE_BYTES = 16 * 1024;
    /** A batch body is read whole before it is parsed; this bounds the memory one request can take. */
    static final long BATCH_MAX_BYTES = RequestSizeFilter.MAX_BODY_BYTES;

    private final int payloadMaxBytes;

    SubmissionParser(int payloadMaxBytes) {
        this.payloadMaxBytes = payloadMaxBytes;
    }

    TaskRequest parse(InputStream body) {
        return requestOf(readObject(readBounded(body, (long) payloadMaxBytes + ENVELOPE_BYTES)), "");
    }

    /** Reads {@code {"tasks": [submission, ...]}}; a refusal names the submission, as in {@code tasks[3].type}. */
    List<TaskRequest> parseBatch(InputStream body) {
        JsonObject json = readObject(readBounded(body, BATCH_MAX_BYTES));
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
            requests.add(requestOf(submission, "tasks[" + i + "]."));
        }
        return requests;
    }

    private static TaskRequest requestOf(JsonObject json, String prefix) {
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
                whole(json, prefix, "priority"),
                whole(json, prefix, "maxAttempts"),
                instant(json, prefix, "runAt"),
                text(json, prefix, "idempotencyKey"));
    }

    private byte[] readBounded(InputStream body, long bound) {
        try {
            byte[] bytes =
                    body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bound + 1));
            if (bytes.length > bound) {
                RequestSizeFilter.drain(body, bytes.length);
                if (bound == BATCH_MAX_BYTES) {
                    throw RequestSizeFilter.tooLarge();
                }
                throw new PayloadTooLargeException(bytes.length, payloadMaxBytes);
            }
            return bytes;
        } catch (IOException e) {
            // the server stopped reading: a body over its own limit sent without a length, or a client gone
            if (e.getClass().getSimpleName().equals("RequestTooBigException")) {
                throw RequestSizeFilter.tooLarge();
            }
            throw new InvalidTaskRequestException("body", "could not be read: the client stopped sending it");
        }
    }

    private static JsonObject readObject(byte[] bytes) {
        return StrictJson.readObject(bytes, "a JSON object with at least \"type\"");
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

    private static Integer whole(JsonObject json, String prefix, String field) {
        return JsonFields.whole(json, field, prefix + field);
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
