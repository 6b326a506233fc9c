package io.tideflow.admin.rest;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Query parameters read with errors that name the parameter. */
final class QueryParams {

    private QueryParams() {}

    /** An ISO-8601 instant, or {@code fallback} when the parameter is absent. */
    static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidTaskRequestException(
                    name, "must be an ISO-8601 instant such as 2026-11-28T10:00:00Z, got " + value);
        }
    }

    static TaskState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TaskState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskRequestException(
                    "state", "must be one of " + Arrays.toString(TaskState.values()) + ", got " + value);
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
