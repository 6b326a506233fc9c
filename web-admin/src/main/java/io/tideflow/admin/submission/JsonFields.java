package io.tideflow.admin.submission;

import io.tideflow.queue.api.InvalidTaskRequestException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Reads optional fields of request bodies; a refusal names the field as the caller reports it. */
public final class JsonFields {

    private JsonFields() {}

    /**
     * @param reportedAs the field's name in a refusal, as in {@code tasks[2].priority}
     * @return the whole number, or {@code null} when the field is absent or null
     */
    /**
     * @param reportedAs the field's name in a refusal
     * @return the string, or {@code null} when the field is absent or null
     */
    public static String text(JsonObject json, String field, String reportedAs) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidTaskRequestException(reportedAs, "must be a string, got " + value.getValueType());
    }

    public static Integer whole(JsonObject json, String field, String reportedAs) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidTaskRequestException(reportedAs, "is out of range: " + number);
            }
        }
        throw new InvalidTaskRequestException(reportedAs, "must be a whole number, got " + value);
    }
}
