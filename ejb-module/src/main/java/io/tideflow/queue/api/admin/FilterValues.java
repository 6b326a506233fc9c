package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.InvalidTaskRequestException;
import java.time.Instant;

/**
 * The bounds every filter value of the admin queries keeps, checked where the filter is made: text no longer than
 * the column it is compared with and without control characters (PostgreSQL refuses NUL in text, and Derby a value
 * longer than its column), instants within years 1 to 9999 (beyond them epoch milliseconds overflow).
 */
public final class FilterValues {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private FilterValues() {}

    /** @return the value, when it is null or within the bounds; else refuses it, naming {@code field} */
    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidTaskRequestException(field, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidTaskRequestException(field, "must not contain control characters");
        }
        return value;
    }

    /** @return the instant, when it is null or within the bounds; else refuses it, naming {@code field} */
    public static Instant instant(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new InvalidTaskRequestException(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }
}
