package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.recurring.ScheduleView;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/** Recurring schedules; the payload is embedded as JSON, absent fields were never set. */
public record SchedulesBody(List<Schedule> schedules) {

    // jakarta.json.Json's factories look the provider up through the ServiceLoader on every call
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * A schedule as stored, with its next slots (none while paused).
     *
     * @param misfire {@code SKIP}, {@code RUN_ONCE} or {@code CATCH_UP}
     * @param origin  {@code DECLARED} (annotation or configuration; pause and resume only) or {@code API}
     */
    public record Schedule(
            String name,
            String type,
            JsonValue payload,
            String group,
            Integer priority,
            String cron,
            String zone,
            String misfire,
            int catchUpLimit,
            String origin,
            boolean paused,
            List<Instant> nextFireTimes,
            Instant lastSlot,
            long firedCount,
            String lastError,
            Instant createdAt,
            Instant updatedAt) {}

    public static SchedulesBody of(List<ScheduleView> schedules) {
        return new SchedulesBody(schedules.stream().map(SchedulesBody::schedule).toList());
    }

    public static Schedule schedule(ScheduleView view) {
        return new Schedule(
                view.name(),
                view.type(),
                json(view.payloadJson()),
                view.group(),
                view.priority(),
                view.cron(),
                view.zone(),
                view.misfire().name(),
                view.catchUpLimit(),
                view.origin().name(),
                view.paused(),
                view.nextFireTimes(),
                view.lastSlot(),
                view.firedCount(),
                view.lastError(),
                view.createdAt(),
                view.updatedAt());
    }

    private static JsonValue json(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
