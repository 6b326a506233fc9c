package io.tideflow.admin.rest;

import io.tideflow.admin.submission.JsonFields;
import io.tideflow.admin.submission.StrictJson;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.recurring.MisfirePolicy;
import io.tideflow.queue.api.recurring.ScheduleRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Reads a schedule's body strictly; every refusal names the field. */
final class ScheduleJson {

    private static final Set<String> FIELDS =
            Set.of("name", "type", "cron", "zone", "payload", "group", "priority", "misfire", "catchUpLimit");

    private ScheduleJson() {}

    /**
     * @param pathName the name in the address, for an update; {@code null} for a creation, where the body names it
     */
    static ScheduleRequest read(byte[] body, String pathName) {
        JsonObject json = StrictJson.readObject(
                body == null ? new byte[0] : body, "a JSON object with at least \"name\", \"type\" and \"cron\"");
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidTaskRequestException(
                        field, "is not a field of a schedule; known fields are " + new TreeSet<>(FIELDS));
            }
        }
        String name = text(json, "name");
        if (pathName != null) {
            if (name != null && !name.equals(pathName)) {
                throw new InvalidTaskRequestException(
                        "name",
                        "is '" + name + "' but the address names '" + pathName + "'; a schedule keeps its name");
            }
            name = pathName;
        }
        return new ScheduleRequest(
                name,
                text(json, "type"),
                json.getOrDefault("payload", JsonValue.NULL).toString(),
                text(json, "group"),
                JsonFields.whole(json, "priority", "priority"),
                text(json, "cron"),
                text(json, "zone"),
                misfire(json),
                JsonFields.whole(json, "catchUpLimit", "catchUpLimit"));
    }

    private static MisfirePolicy misfire(JsonObject json) {
        String value = text(json, "misfire");
        if (value == null) {
            return null;
        }
        try {
            return MisfirePolicy.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskRequestException(
                    "misfire", "must be one of " + Arrays.toString(MisfirePolicy.values()) + ", got '" + value + "'");
        }
    }

    private static String text(JsonObject json, String field) {
        return JsonFields.text(json, field, field);
    }
}
