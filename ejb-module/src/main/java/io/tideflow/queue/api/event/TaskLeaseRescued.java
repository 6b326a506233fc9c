package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TaskId;
import java.time.Instant;

/**
 * A RUNNING task whose lease ran out (its node died, hung or lost the database) was taken back; a
 * {@link TaskRetryScheduled} or {@link TaskDeadLettered} follows.
 *
 * @param previousOwner the node that held the lease
 */
public record TaskLeaseRescued(TaskId id, String type, String group, String previousOwner, Instant at)
        implements TaskLifecycleEvent {}
