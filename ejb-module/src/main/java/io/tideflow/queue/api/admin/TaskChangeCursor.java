package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a listing by last change stopped: the last listed task's change time and id. A task that changes again after
 * it was listed moves to the top and is not listed twice further down.
 */
public record TaskChangeCursor(Instant updatedAt, TaskId id) {

    public TaskChangeCursor {
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(id, "id");
    }

    /** The cursor as one query-string value, {@code <epoch millis>:<task id>}, which {@link #parse} reads back. */
    public String text() {
        return updatedAt.toEpochMilli() + ":" + id.value();
    }

    /**
     * Reads a cursor that {@link #text()} wrote.
     *
     * @param field the request field it came from, named in the error
     */
    public static TaskChangeCursor parse(String field, String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new InvalidTaskRequestException(field, "'" + text + "' is not a cursor of a list by last change");
        }
        try {
            return new TaskChangeCursor(
                    Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))),
                    TaskId.of(text.substring(colon + 1)));
        } catch (NumberFormatException | InvalidTaskRequestException malformed) {
            throw new InvalidTaskRequestException(field, "'" + text + "' is not a cursor of a list by last change");
        }
    }
}
