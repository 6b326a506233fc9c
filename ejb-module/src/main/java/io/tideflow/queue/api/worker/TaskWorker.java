package io.tideflow.queue.api.worker;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Runs tasks outside the dispatcher, with the same guarantees: claims are conditional and fenced by a lease token,
 * failures go through the engine's error classes and retry policy, and a task whose lease ran out is rescued by any
 * node. A holder must {@linkplain #extendLeases extend} the leases of tasks it keeps longer than the lease duration.
 * Inject it with {@code @Inject TaskWorker}.
 */
public interface TaskWorker {

    /**
     * Claims up to {@code request.limit()} due tasks, highest priority then oldest, within the group's limits (per node
     * and cluster), rate, breaker and pause, in a transaction of its own; fewer or none when the group has no room.
     */
    List<LeasedTask> claim(WorkRequest request);

    /**
     * RUNNING → COMPLETED with its result (JSON text, or {@code null}), in the caller's transaction: the caller's own
     * writes and the completion commit together, or neither does. Publishes {@code TaskCompleted} after the commit.
     *
     * @return false when the lease token is stale: nothing was written for this task, and the caller must not let
     *     work that depends on having run it commit
     */
    boolean complete(LeasedTask task, String resultJson, Duration execution);

    /**
     * Records a failed attempt in a transaction of its own (so that it holds when the caller's work rolls back): the
     * error's class decides between a retry after the backoff, a deferral and a dead letter, as for a handler.
     */
    FailureVerdict fail(LeasedTask task, Throwable error, Duration execution);

    /** Gives a task back unstarted (RUNNING → PENDING, the attempt not counted); false when the token is stale. */
    boolean release(LeasedTask task, String reason);

    /**
     * Extends the leases of tasks the caller still holds by the engine's lease duration from now, in one transaction.
     *
     * @return the tasks whose lease was no longer theirs (rescued or finished); their work must not commit
     */
    List<LeasedTask> extendLeases(List<LeasedTask> held);

    /** The batchable task types ({@link io.tideflow.queue.api.BatchTaskHandler}) enabled here, by type name. */
    List<BatchShape> batchTypes();

    /** The resource groups that hold due tasks of this type now. */
    Set<String> groupsWithDueTasks(String type);

    /**
     * Runs claimed tasks of one batchable type and group through its handler, one call per similarity key, and
     * completes each with its result, in a transaction of the chunk's own: the handler's writes and every completion
     * commit together, or none does. Its own, not the caller's: a batch runtime's chunk transaction then holds its
     * checkpoint data only, and how a runtime treats a failed chunk's transaction (JBeret rolls it back, Payara's
     * commits it after a skip) cannot let a failed chunk's writes through.
     *
     * An empty chunk (a batch runtime writes one when its step stops on a chunk boundary) does nothing.
     *
     * @throws ChunkFailedException when the handler threw, or a task's lease is no longer the caller's; nothing of the
     *     chunk was committed
     */
    void runChunk(List<LeasedTask> chunk);
}
