package io.tideflow.queue.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptRegistryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    private static RunningAttempt attemptOf(String id, int attempt) {
        LeasedTask task = new LeasedTask(
                TaskId.of(id), "t", "g", "null", attempt, 5, "token-" + attempt, NOW.plusSeconds(30), NOW);
        return new RunningAttempt(task, Duration.ofMinutes(5), NOW);
    }

    @Test
    void anAttemptRunsFromItsAddUntilItsRemove() {
        AttemptRegistry registry = new AttemptRegistry();
        RunningAttempt attempt = attemptOf("01a232a4-fcf7-7000-bde4-db09fa42daf1", 1);
        assertThat(registry.isRunning(attempt)).isFalse();
        registry.add(attempt);
        assertThat(registry.isRunning(attempt)).isTrue();
        registry.remove(attempt);
        assertThat(registry.isRunning(attempt)).isFalse();
    }

    @Test
    void anAttemptHandedToTheCompletionWriterIsStillRunningButNoLongerOnAWorker() {
        // its lease must be kept until the completion is written; its worker and group slot are free already
        AttemptRegistry registry = new AttemptRegistry();
        RunningAttempt working = attemptOf("01a232a4-fcf7-7000-bde4-db09fa42daf3", 1);
        RunningAttempt handedOver = attemptOf("01a232a4-fcf7-7000-bde4-db09fa42daf4", 1);
        registry.add(working);
        registry.add(handedOver);
        handedOver.markHandedOver();
        assertThat(registry.isRunning(handedOver)).isTrue();
        assertThat(registry.snapshot()).containsExactlyInAnyOrder(working, handedOver);
        assertThat(registry.onWorkers()).containsExactly(working);
    }

    @Test
    void aLaterAttemptOfTheSameTaskIsNotTheEarlierOne() {
        // the lease keeper asks about the attempt its heartbeat was refused for, not about the task
        AttemptRegistry registry = new AttemptRegistry();
        RunningAttempt first = attemptOf("01a232a4-fcf7-7000-bde4-db09fa42daf2", 1);
        RunningAttempt second = attemptOf("01a232a4-fcf7-7000-bde4-db09fa42daf2", 2);
        registry.add(first);
        registry.remove(first);
        registry.add(second);
        assertThat(registry.isRunning(first)).isFalse();
        assertThat(registry.isRunning(second)).isTrue();
    }
}
