package io.tideflow.queue.enqueue;

import static io.tideflow.queue.config.NameRules.GROUP_NAME;
import static io.tideflow.queue.config.NameRules.TYPE_NAME;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.PayloadTooLargeException;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.UnknownTaskTypeException;
import io.tideflow.queue.api.admin.FilterValues;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.handler.TaskTypeCatalog;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The first step of the enqueue flow: refuses a bad request with the field and the problem, changes nothing. */
public final class TaskRequestValidator {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    private final TaskTypeCatalog catalog;
    private final int payloadMaxBytes;

    public TaskRequestValidator(TaskTypeCatalog catalog, EngineSettings settings) {
        this.catalog = catalog;
        this.payloadMaxBytes = settings.payloadMaxBytes();
    }

    public ValidatedTaskRequest validate(TaskRequest request) {
        if (request == null) {
            throw new InvalidTaskRequestException("request", "is missing");
        }
        String type = requireType(request.type());
        String payload = requirePayload(request.payloadJson());
        String group = request.group() == null ? null : requireName("group", request.group(), GROUP_NAME, 100);
        Integer priority = request.priority();
        if (priority != null && (priority < 0 || priority > 9)) {
            throw new InvalidTaskRequestException("priority", "must be between 0 and 9, got " + priority);
        }
        Integer maxAttempts = request.maxAttempts();
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > 100)) {
            throw new InvalidTaskRequestException("maxAttempts", "must be between 1 and 100, got " + maxAttempts);
        }
        String key = request.idempotencyKey();
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new InvalidTaskRequestException("idempotencyKey", "must be 1 to 200 characters");
        }
        FilterValues.text("idempotencyKey", key, 200);
        FilterValues.instant("runAt", request.runAt());
        return new ValidatedTaskRequest(type, payload, group, priority, maxAttempts, request.runAt(), key);
    }

    private String requireType(String type) {
        if (type == null || type.isBlank()) {
            throw new InvalidTaskRequestException("type", "is required");
        }
        requireName("type", type, TYPE_NAME, 200);
        if (!catalog.isKnown(type)) {
            throw new UnknownTaskTypeException(type);
        }
        return type;
    }

    private static String requireName(String field, String value, Pattern pattern, int maxLength) {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidTaskRequestException(
                    field, "must be 1 to " + maxLength + " letters, digits, '.', '-' or '_'");
        }
        return value;
    }

    private String requirePayload(String json) {
        String payload = json == null ? "null" : json;
        // a cheap upper bound first, so an oversized payload is refused before it is measured or parsed
        if (payload.length() > payloadMaxBytes) {
            throw new PayloadTooLargeException(utf8Length(payload), payloadMaxBytes);
        }
        int bytes = utf8Length(payload);
        if (bytes > payloadMaxBytes) {
            throw new PayloadTooLargeException(bytes, payloadMaxBytes);
        }
        requireSingleJsonValue(payload);
        return payload;
    }

    private static void requireSingleJsonValue(String payload) {
        try (JsonParser parser = JSON.createParser(new StringReader(payload))) {
            if (!parser.hasNext()) {
                throw new InvalidTaskRequestException("payload", "is empty; send one JSON value");
            }
            parser.next();
            parser.getValue();
            // a reader stops after the first value, so "{} {}" would pass it; the parser sees the rest
            if (parser.hasNext()) {
                throw new InvalidTaskRequestException("payload", "is not valid JSON: text follows the first value");
            }
        } catch (JsonException e) {
            throw new InvalidTaskRequestException("payload", "is not valid JSON: " + e.getMessage());
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
