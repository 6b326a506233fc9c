package io.tideflow.admin.events;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.event.LifecycleEvent;
import io.tideflow.queue.api.event.PublishedEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Locale;

/**
 * An event as JSON, schema version {@value #SCHEMA_VERSION} (docs/events.md):
 * {@code {"schemaVersion": 1, "id", "kind", "node", "data": {...}}}. {@code kind} is the event's type in words
 * ({@code TaskLeaseRescued} → {@code task.lease-rescued}); {@code data} holds its fields: ids and instants as text,
 * durations as whole milliseconds under the field's name with {@code Ms} appended. New fields and kinds may be added
 * within a version; a field is never removed or changed in meaning without a new version.
 */
public final class EventDocument {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int SCHEMA_VERSION = 1;

    private EventDocument() {}

    public static JsonObject of(PublishedEvent published) {
        return JSON.createObjectBuilder()
                .add("schemaVersion", SCHEMA_VERSION)
                .add("id", published.id())
                .add("kind", kindOf(published.event()))
                .add("node", published.node())
                .add("data", dataOf(published.event()))
                .build();
    }

    /** {@code TaskCompleted} → {@code task.completed}, {@code BreakerStateChanged} → {@code breaker.state-changed}. */
    public static String kindOf(LifecycleEvent event) {
        String[] words = event.getClass().getSimpleName().split("(?=[A-Z])");
        StringBuilder kind = new StringBuilder(words[0].toLowerCase(Locale.ROOT)).append('.');
        for (int i = 1; i < words.length; i++) {
            kind.append(i > 1 ? "-" : "").append(words[i].toLowerCase(Locale.ROOT));
        }
        return kind.toString();
    }

    private static JsonObject dataOf(LifecycleEvent event) {
        JsonObjectBuilder data = JSON.createObjectBuilder();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            Object value = valueOf(component, event);
            String name = component.getName();
            if (value == null) {
                continue;
            }
            if (value instanceof Duration duration) {
                data.add(name + "Ms", duration.toMillis());
            } else if (value instanceof Integer number) {
                data.add(name, number);
            } else if (value instanceof Long number) {
                data.add(name, number);
            } else if (value instanceof Boolean flag) {
                data.add(name, flag);
            } else if (value instanceof TaskId id) {
                data.add(name, id.value());
            } else if (value instanceof Enum<?> constant) {
                data.add(name, constant.name());
            } else {
                // text, and instants in ISO-8601
                data.add(name, value.toString());
            }
        }
        return data.build();
    }

    private static Object valueOf(RecordComponent component, LifecycleEvent event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component + " of " + event.getClass(), e);
        }
    }
}
