package io.tideflow.admin.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.event.BreakerStateChanged;
import io.tideflow.queue.api.event.ChunkFinished;
import io.tideflow.queue.api.event.GroupPaused;
import io.tideflow.queue.api.event.PublishedEvent;
import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskLeaseRescued;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventDocumentTest {

    private static final Instant AT = Instant.parse("2026-12-01T21:30:00Z");
    private static final TaskId TASK = TaskId.of("01a2335a-230e-7000-bca8-8d691a6a9f13");

    @Test
    void aTaskEventIsTheEnvelopeAroundItsFields() {
        JsonObject document = EventDocument.of(new PublishedEvent(
                "e-1", "node-a", new TaskCompleted(TASK, "mail.send", "mail", 2, Duration.ofMillis(1234), AT)));

        assertThat(document.getInt("schemaVersion")).isEqualTo(1);
        assertThat(document.getString("id")).isEqualTo("e-1");
        assertThat(document.getString("kind")).isEqualTo("task.completed");
        assertThat(document.getString("node")).isEqualTo("node-a");
        JsonObject data = document.getJsonObject("data");
        assertThat(data.getString("id")).isEqualTo(TASK.value());
        assertThat(data.getString("type")).isEqualTo("mail.send");
        assertThat(data.getString("group")).isEqualTo("mail");
        assertThat(data.getInt("attempt")).isEqualTo(2);
        assertThat(data.getJsonNumber("executionMs").longValue()).isEqualTo(1234);
        assertThat(data.getString("at")).isEqualTo("2026-12-01T21:30:00Z");
    }

    @Test
    void kindsAreTheEventTypesInWords() {
        assertThat(EventDocument.kindOf(new TaskLeaseRescued(TASK, "t", "g", "node-b", AT)))
                .isEqualTo("task.lease-rescued");
        assertThat(EventDocument.kindOf(new BreakerStateChanged("g", BreakerState.CLOSED, BreakerState.OPEN, AT)))
                .isEqualTo("breaker.state-changed");
        assertThat(EventDocument.kindOf(new GroupPaused("g", AT))).isEqualTo("group.paused");
    }

    @Test
    void enumsAreTheirNamesAndNullsAreLeftOut() {
        JsonObject data = EventDocument.of(new PublishedEvent(
                        "e-2", "n", new BreakerStateChanged("g", BreakerState.CLOSED, BreakerState.OPEN, AT)))
                .getJsonObject("data");
        assertThat(data.getString("from")).isEqualTo("CLOSED");
        assertThat(data.getString("to")).isEqualTo("OPEN");

        JsonObject rescued = EventDocument.of(
                        new PublishedEvent("e-3", "n", new TaskLeaseRescued(TASK, "t", "g", null, AT)))
                .getJsonObject("data");
        assertThat(rescued.containsKey("previousOwner")).isFalse();
    }

    @Test
    void theFilterSelectsByGroupAndByTypeAndEventsWithoutATypeOnlyPassNoTypeFilter() {
        TaskCompleted mail = new TaskCompleted(TASK, "mail.send", "mail", 1, Duration.ZERO, AT);
        GroupPaused paused = new GroupPaused("mail", AT);
        ChunkFinished chunk = new ChunkFinished("mail.send", "bulk", 10, true, Duration.ZERO, AT);

        assertThat(new EventFilter(null, null)).accepts(mail, paused, chunk);
        assertThat(new EventFilter("mail", null)).accepts(mail, paused).rejects(chunk);
        assertThat(new EventFilter(null, "mail.send")).accepts(mail, chunk).rejects(paused);
        assertThat(new EventFilter("bulk", "mail.send")).accepts(chunk).rejects(mail, paused);
    }
}
