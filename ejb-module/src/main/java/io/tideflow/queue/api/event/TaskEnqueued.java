package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/**
 * A task was enqueued. Fired twice over: synchronously inside the enqueuing transaction (observe it with
 * {@code during = TransactionPhase.AFTER_SUCCESS} to see only committed tasks), and, like every
 * {@link LifecycleEvent}, to {@code @ObservesAsync} observers after the commit.
 */
public record TaskEnqueued(TaskId id, String type, String group, int priority, Instant at)
        implements TaskLifecycleEvent {}
