package io.tideflow.queue.handler;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** One shared, thread-safe JSON-B instance for payloads and results. */
@ApplicationScoped
public class JsonCodec {

    private final Jsonb jsonb = JsonbBuilder.create();

    public Jsonb jsonb() {
        return jsonb;
    }

    /** A handler's result as stored JSON text: a {@link JsonValue} as it is, anything else through JSON-B. */
    public String resultJson(Object result) {
        if (result == null) {
            return null;
        }
        if (result instanceof JsonValue value) {
            return value.toString();
        }
        return jsonb.toJson(result);
    }
}
