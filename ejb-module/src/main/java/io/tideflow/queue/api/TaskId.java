package io.tideflow.queue.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of a task: a time-ordered UUID in its canonical lower-case form, so that ordering ids orders tasks by
 * the time they were enqueued on a node.
 *
 * @param value the canonical UUID text
 */
public record TaskId(String value) implements Comparable<TaskId> {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public TaskId {
        Objects.requireNonNull(value, "value");
        if (!CANONICAL.matcher(value).matches()) {
            throw new InvalidTaskRequestException("id", "must be a lower-case UUID, got '" + abbreviate(value) + "'");
        }
    }

    /** Parses the text form of an id, as printed by {@link #toString()}. */
    public static TaskId of(String value) {
        return new TaskId(value);
    }

    @Override
    public int compareTo(TaskId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
