package io.tideflow.queue.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrometerBackendTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerBackend backend = new MicrometerBackend(registry);

    @Test
    void aGaugeThatCannotBeReadAnswersNaNInsteadOfFailingTheScrape() {
        backend.gauge("tideflow.broken", "d", MeterTags.of("group", "g"), () -> {
            throw new IllegalStateException("deployment stopping");
        });
        assertThat(registry.get("tideflow.broken").gauge().value()).isNaN();
    }

    @Test
    void everyKindOfMeterCarriesItsDescription() {
        backend.increment("tideflow.tasks.completed", "Tasks completed", MeterTags.of("group", "g"));
        backend.record("tideflow.task.execution", "Attempt duration", MeterTags.of("group", "g"), Duration.ofMillis(5));
        backend.gauge("tideflow.queue.depth", "Tasks in the queue", MeterTags.of("group", "g"), () -> 3);
        backend.counterOf("tideflow.events.dropped", "Events dropped", MeterTags.of("listener", "tideflow"), () -> 0);
        assertThat(registry.getMeters())
                .extracting(
                        meter -> meter.getId().getName() + ": " + meter.getId().getDescription())
                .containsExactlyInAnyOrder(
                        "tideflow.tasks.completed: Tasks completed",
                        "tideflow.task.execution: Attempt duration",
                        "tideflow.queue.depth: Tasks in the queue",
                        "tideflow.events.dropped: Events dropped");
    }

    @Test
    void closeRemovesEveryMeterItRegistered() {
        backend.increment("tideflow.tasks.completed", "d", MeterTags.of("group", "g", "type", "t"));
        backend.record("tideflow.task.execution", "d", MeterTags.of("group", "g"), Duration.ofMillis(5));
        backend.gauge("tideflow.queue.depth", "d", MeterTags.of("group", "g", "state", "PENDING"), () -> 3);
        backend.counterOf("tideflow.events.dropped", "d", MeterTags.of("listener", "tideflow"), () -> 0);
        registry.counter("someone.else");
        assertThat(registry.getMeters()).hasSize(5);

        backend.close();

        assertThat(registry.getMeters())
                .extracting(meter -> meter.getId().getName())
                .containsExactly("someone.else");
    }
}
