package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskEventView;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/** A task's transitions, oldest first; the first one's {@code from} is null. */
public record HistoryBody(List<Event> events) {

    public record Event(
            @JsonbNillable TaskState from, TaskState to, Instant at, String node, int attempt, String detail) {}

    public static HistoryBody of(List<TaskEventView> events) {
        return new HistoryBody(events.stream()
                .map(e -> new Event(e.from(), e.to(), e.at(), e.node(), e.attempt(), e.detail()))
                .toList());
    }
}
