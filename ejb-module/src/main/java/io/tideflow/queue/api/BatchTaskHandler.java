package io.tideflow.queue.api;

import java.time.Duration;
import java.util.List;

/**
 * Runs similar tasks of one type together, a chunk at a time, through a Jakarta Batch chunk job. Implement it in an
 * {@code @ApplicationScoped} CDI bean annotated with {@link TaskType}, instead of {@link TaskHandler}: one call then
 * does the work of up to {@link #batchSize()} tasks of the same type and resource group (and the same {@link
 * #similarityKey}), for example one multi-row insert or one bulk request to a remote system.
 *
 * <p>The chunk runs in one JTA transaction of its own that also carries the completion of each of its tasks: the handler's own
 * writes commit together with every task's COMPLETED state and result, or not at all. When the handler throws, the
 * chunk rolls back and its tasks run again one per chunk: a task that fails on its own then records a failed attempt
 * (retried after its backoff, or dead-lettered, by its error class, as for a single task) while its neighbours
 * complete. So a handler may be called more than once for a task whose chunk failed: keep non-transactional side
 * effects idempotent with {@link TaskContext#idempotencyKey()}.
 */
public interface BatchTaskHandler {

    /** The most tasks a chunk may hold unless the handler says otherwise. */
    int DEFAULT_BATCH_SIZE = 100;

    /**
     * Does the work of one chunk.
     *
     * @param tasks one to {@link #batchSize()} tasks of this type, of one resource group and one similarity key
     * @return one result per task, in the order of {@code tasks}, each stored as a task's result like a {@link
     *     TaskHandler}'s ({@code null} elements for no result)
     * @throws Exception to fail the chunk: its tasks then run again one at a time
     */
    List<?> handle(List<TaskContext> tasks) throws Exception;

    /** The most tasks a chunk holds, 1 to 1,000. */
    default int batchSize() {
        return DEFAULT_BATCH_SIZE;
    }

    /** How long a chunk that is not full waits for more due tasks before it runs with what it has. */
    default Duration maxWait() {
        return Duration.ofMillis(200);
    }

    /**
     * Which tasks of the same type and group may share a call: tasks with different keys are passed to separate calls
     * of {@link #handle} (for example one per customer). All tasks are alike unless this says otherwise.
     */
    default String similarityKey(TaskContext task) {
        return "";
    }
}
