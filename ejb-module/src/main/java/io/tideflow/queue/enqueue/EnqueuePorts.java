package io.tideflow.queue.enqueue;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.event.TaskEnqueued;
import io.tideflow.queue.groups.GroupCensus;
import io.tideflow.queue.store.NewTask;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the enqueue flow needs from the outside: persistence and the two after-commit signals. */
public interface EnqueuePorts {

    /** The id of the task already enqueued with this idempotency key, if any. */
    Optional<TaskId> findByIdempotencyKey(String key);

    /**
     * Persists the task in the caller's transaction, unless another task holds its idempotency key: one committed
     * since the flow looked, or one a concurrent transaction committed first.
     *
     * @return empty when persisted, else the id of the task that holds the key
     */
    Optional<TaskId> persist(NewTask task);

    /**
     * Persists the tasks in the caller's transaction, together, except those whose idempotency key another task
     * holds.
     *
     * @return the keys that were held, with the id of the task that holds each
     */
    Map<String, TaskId> persistAll(List<NewTask> tasks);

    /**
     * Admits the groups the new tasks name, or refuses the first one that would take the number of groups holding
     * tasks beyond the cap ({@code tideflow.groups.max}).
     */
    Optional<GroupCensus.Refusal> admitGroups(Collection<String> groups);

    /** Fires the enqueued event; observers that ask for it see it only after the transaction commits. */
    void fireEnqueued(TaskEnqueued event);

    /** Wakes the local dispatcher once the transaction has committed, never before. */
    void wakeDispatcherAfterCommit(String group);
}
