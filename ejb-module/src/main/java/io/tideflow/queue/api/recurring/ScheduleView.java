package io.tideflow.queue.api.recurring;

import java.time.Instant;
import java.util.List;

/**
 * A schedule as stored, with its coming slots.
 *
 * @param nextFireTimes the next slots from now on (up to five); empty while paused
 * @param lastSlot      the latest slot a task was enqueued for; {@code null} before the first
 * @param firedCount    how many tasks it has enqueued
 * @param lastError     why its latest slot enqueued nothing (the type has no handler any more, say); {@code null} when
 *                      the latest slot enqueued its task
 */
public record ScheduleView(
        String name,
        String type,
        String payloadJson,
        String group,
        Integer priority,
        String cron,
        String zone,
        MisfirePolicy misfire,
        int catchUpLimit,
        ScheduleOrigin origin,
        boolean paused,
        List<Instant> nextFireTimes,
        Instant lastSlot,
        long firedCount,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {

    public ScheduleView {
        nextFireTimes = List.copyOf(nextFireTimes);
    }
}
