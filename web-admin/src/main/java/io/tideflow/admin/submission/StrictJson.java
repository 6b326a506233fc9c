package io.tideflow.admin.submission;

import io.tideflow.queue.api.InvalidTaskRequestException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a request body that must be one JSON object, more strictly than JSON-P does: a key twice in one object is
 * refused (JSON-P keeps the last, so {@code "type"} could be smuggled past a reader that keeps the first), and so are
 * nesting deeper than {@link #MAX_DEPTH} and numbers longer than {@link #MAX_NUMBER_CHARS}, which would cost the
 * parser time and memory. Every refusal is an {@link InvalidTaskRequestException} naming where it is, as in
 * {@code tasks[1].payload.items[0]} ({@code body} for the object itself).
 */
public final class StrictJson {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_CHARS = 100;

    private final JsonParser parser;
    /** Where the parser is: the keys and array indexes from the top. */
    private final java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();

    private StrictJson(JsonParser parser) {
        this.parser = parser;
    }

    /** @param what what the object is, for the refusal of anything else, as in "a JSON object with at least type" */
    public static JsonObject readObject(byte[] bytes, String what) {
        if (bytes.length == 0) {
            throw new InvalidTaskRequestException("body", "is empty; send " + what);
        }
        StrictJson reader = null;
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
            reader = new StrictJson(parser);
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidTaskRequestException("body", "must be " + what);
            }
            JsonObject object = reader.object(1);
            // a reader would stop after the first value and accept "{} {}"; the parser sees the rest
            if (parser.hasNext()) {
                throw new InvalidTaskRequestException("body", "is not valid JSON: text follows the object");
            }
            return object;
        } catch (InvalidTaskRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, and what JSON-P's implementations throw besides (number and nesting limits)
            throw new InvalidTaskRequestException(
                    reader == null ? "body" : reader.field(), "is not valid JSON: " + plain(e.getMessage()));
        }
    }

    private JsonObject object(int depth) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        while (parser.next() != JsonParser.Event.END_OBJECT) {
            String key = parser.getString();
            path.addLast((path.isEmpty() ? "" : ".") + plain(key));
            if (!keys.add(key)) {
                throw new InvalidTaskRequestException(field(), "is given twice in one object; send each key once");
            }
            object.add(key, value(parser.next(), depth));
            path.removeLast();
        }
        return object.build();
    }

    private String field() {
        return path.isEmpty() ? "body" : plain(String.join("", path));
    }

    private JsonValue value(JsonParser.Event event, int depth) {
        switch (event) {
            case START_OBJECT:
                return object(deeper(depth));
            case START_ARRAY:
                int inside = deeper(depth);
                JsonArrayBuilder array = JSON.createArrayBuilder();
                JsonParser.Event next;
                for (int i = 0; (next = parser.next()) != JsonParser.Event.END_ARRAY; i++) {
                    path.addLast("[" + i + "]");
                    array.add(value(next, inside));
                    path.removeLast();
                }
                return array.build();
            case VALUE_STRING:
                return JSON.createValue(parser.getString());
            case VALUE_NUMBER:
                if (parser.getString().length() > MAX_NUMBER_CHARS) {
                    throw new InvalidTaskRequestException(
                            field(), "is a number longer than " + MAX_NUMBER_CHARS + " characters");
                }
                BigDecimal number = parser.getBigDecimal();
                return JSON.createValue(number);
            case VALUE_TRUE:
                return JsonValue.TRUE;
            case VALUE_FALSE:
                return JsonValue.FALSE;
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw new InvalidTaskRequestException(field(), "is not valid JSON: unexpected " + event);
        }
    }

    private int deeper(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new InvalidTaskRequestException(field(), "is nested deeper than " + MAX_DEPTH + " levels");
        }
        return depth + 1;
    }

    /** A parser's message or a key without line breaks or control characters, and not too long to show. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String shown = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > 120 ? shown.substring(0, 120) + "..." : shown;
    }
}
