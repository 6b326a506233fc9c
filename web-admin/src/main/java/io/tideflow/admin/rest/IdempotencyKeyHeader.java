package io.tideflow.admin.rest;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Idempotency-Key} request header, the HTTP way of saying what the body's {@code idempotencyKey} says: it
 * fills in the key where the body has none; a body that names another key is refused rather than one of the two
 * silently winning. In a batch, task {@code i} gets {@code key/i}, so that the whole batch repeats as one.
 */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";

    private IdempotencyKeyHeader() {}

    static TaskRequest applyTo(TaskRequest request, String header) {
        return header == null ? request : withKey(request, checked(header), "idempotencyKey");
    }

    static List<TaskRequest> applyToBatch(List<TaskRequest> requests, String header) {
        if (header == null) {
            return requests;
        }
        String key = checked(header);
        List<TaskRequest> keyed = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            keyed.add(withKey(requests.get(i), key + "/" + i, "tasks[" + i + "].idempotencyKey"));
        }
        return keyed;
    }

    private static String checked(String header) {
        String key = header.strip();
        // the engine checks the length of the final key; the batch suffix must leave room for it
        if (key.isEmpty() || key.length() > 190) {
            throw new InvalidTaskRequestException(NAME, "must be 1 to 190 characters");
        }
        return key;
    }

    private static TaskRequest withKey(TaskRequest request, String key, String field) {
        if (request.idempotencyKey() != null && !request.idempotencyKey().equals(key)) {
            throw new InvalidTaskRequestException(
                    NAME, "is '" + key + "' but the body's " + field + " is '" + request.idempotencyKey() + "'");
        }
        return new TaskRequest(
                request.type(),
                request.payloadJson(),
                request.group(),
                request.priority(),
                request.maxAttempts(),
                request.runAt(),
                key);
    }
}
