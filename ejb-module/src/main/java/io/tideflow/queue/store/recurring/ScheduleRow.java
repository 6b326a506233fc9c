package io.tideflow.queue.store.recurring;

import java.time.Instant;

/**
 * A row of {@code recurring_schedules}.
 *
 * @param nextFireAt the first slot not yet fired (or, while paused, the slot it would fire next)
 * @param lastSlot   the latest slot a task was enqueued for; {@code null} before the first
 * @param version    moved on by every write: a firing or a change is conditional on the version it read
 */
public record ScheduleRow(
        ScheduleDefinition definition,
        boolean paused,
        Instant nextFireAt,
        Instant lastSlot,
        long firedCount,
        String lastError,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public String name() {
        return definition.name();
    }
}
