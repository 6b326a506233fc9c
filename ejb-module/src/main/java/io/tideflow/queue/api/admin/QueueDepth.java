package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskState;
import java.time.Duration;
import java.util.Map;

/**
 * One group's tasks by state now, and how long its longest-waiting due task has waited.
 *
 * @param oldestDueAge zero when no due task waits
 */
public record QueueDepth(String group, Map<TaskState, Long> depth, long total, Duration oldestDueAge) {}
