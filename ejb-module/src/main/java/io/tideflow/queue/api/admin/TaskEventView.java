package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskState;
import java.time.Instant;

/**
 * One transition in a task's history.
 *
 * @param from    the state left, or {@code null} for the enqueue
 * @param node    the node that made the change
 * @param attempt the task's attempt count when it changed
 * @param detail  why, where there is more to say (the error of a failed attempt, "lease expired", ...)
 */
public record TaskEventView(TaskState from, TaskState to, Instant at, String node, int attempt, String detail) {}
