package io.tideflow.queue.api.event;

import java.time.Duration;
import java.time.Instant;

/**
 * A chunk of a batchable task type ran through its handler: committed (every task of it completed, with the handler's
 * writes) or rolled back (the handler failed, or a task's lease was no longer the chunk's; nothing of it was written,
 * and its tasks run again one per chunk).
 *
 * @param size the tasks in the chunk
 * @param duration from the handler's first call to the last completion written, or to the failure
 */
public record ChunkFinished(String type, String group, int size, boolean committed, Duration duration, Instant at)
        implements LifecycleEvent {}
