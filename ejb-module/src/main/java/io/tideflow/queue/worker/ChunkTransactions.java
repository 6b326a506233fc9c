package io.tideflow.queue.worker;

import io.tideflow.queue.api.event.ChunkFinished;
import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskLeaseLost;
import io.tideflow.queue.api.worker.ChunkFailedException;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.execution.ChunkExecution;
import io.tideflow.queue.groups.breaker.BreakerOutcomes;
import io.tideflow.queue.store.CompletionWriter;
import io.tideflow.queue.store.CompletionWriter.Completion;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One chunk: its handler's calls and every task's completion, in a transaction of the chunk's own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ChunkTransactions {

    @Inject
    ChunkExecution chunks;

    @Inject
    CompletionWriter writer;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    BreakerOutcomes breakerOutcomes;

    @Inject
    Clock clock;

    /**
     * Calls the handler and completes every task of the chunk with three JDBC batches (each update conditional on the
     * task's own lease token), so that a chunk costs a few statements and one commit, not three statements per task.
     *
     * @throws ChunkFailedException when the handler threw or a task's lease is no longer the chunk's: rolls back
     */
    public void run(List<LeasedTask> chunk) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<Completion> completions = chunks.run(chunk).stream()
                .map(item -> new Completion(
                        item.task(), item.resultJson(), item.execution().toMillis(), now))
                .toList();
        List<Completion> stale = writer.writeAll(completions);
        if (!stale.isEmpty()) {
            LeasedTask lost = stale.get(0).task();
            lifecycle.publish(new TaskLeaseLost(lost.id(), lost.type(), lost.group(), lost.attempt(), now));
            throw new ChunkFailedException(
                    "task " + lost.id() + " of the chunk is no longer this chunk's (its lease ran out and it was"
                            + " rescued): the chunk's work must not commit",
                    null);
        }
        // published inside the chunk's transaction: delivered once it commits
        for (Completion completion : completions) {
            LeasedTask task = completion.task();
            lifecycle.publish(new TaskCompleted(
                    task.id(),
                    task.type(),
                    task.group(),
                    task.attempt(),
                    Duration.ofMillis(completion.executionMs()),
                    now));
            breakerOutcomes.succeeded(task.group());
        }
        LeasedTask first = chunk.get(0);
        lifecycle.publish(new ChunkFinished(
                first.type(),
                first.group(),
                chunk.size(),
                true,
                Duration.ofNanos(System.nanoTime() - started),
                clock.instant()));
    }
}
