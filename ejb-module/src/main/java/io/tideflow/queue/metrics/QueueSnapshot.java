package io.tideflow.queue.metrics;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the queue looked like at one sampling: tasks per group and state, the oldest due task per group, the groups
 * paused and the breakers' states. Gauges read the latest snapshot, so a scrape never queries the database.
 */
public record QueueSnapshot(
        Instant at,
        Map<String, Map<TaskState, Long>> depth,
        Map<String, Instant> oldestDue,
        Set<String> paused,
        Map<String, BreakerState> breakers) {

    public static final QueueSnapshot EMPTY = new QueueSnapshot(Instant.EPOCH, Map.of(), Map.of(), Set.of(), Map.of());

    public long depthOf(String group, TaskState state) {
        return depth.getOrDefault(group, Map.of()).getOrDefault(state, 0L);
    }

    /** How long the group's oldest due PENDING task has waited; zero when none waits. */
    public Duration oldestDueAge(String group) {
        Instant due = oldestDue.get(group);
        return due == null || due.isAfter(at) ? Duration.ZERO : Duration.between(due, at);
    }

    public boolean breakerIn(String group, BreakerState state) {
        return breakers.get(group) == state;
    }
}
