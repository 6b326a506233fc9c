package io.tideflow.queue.worker;

import io.tideflow.queue.api.event.ChunkFinished;
import io.tideflow.queue.api.worker.ChunkFailedException;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.execution.ChunkExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** One chunk: its handler's calls and every task's completion, in a transaction of the chunk's own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ChunkTransactions {

    @Inject
    ChunkExecution chunks;

    @Inject
    TaskCompletions completions;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    Clock clock;

    /** @throws ChunkFailedException when the handler threw or a task's lease is no longer the chunk's: rolls back */
    public void run(List<LeasedTask> chunk) {
        long started = System.nanoTime();
        for (ChunkExecution.ItemResult item : chunks.run(chunk)) {
            if (!completions.complete(item.task(), item.resultJson(), item.execution())) {
                throw new ChunkFailedException(
                        "task " + item.task().id() + " of the chunk is no longer this chunk's (its lease ran out and"
                                + " it was rescued): the chunk's work must not commit",
                        null);
            }
        }
        LeasedTask first = chunk.get(0);
        // delivered once the chunk commits
        lifecycle.publish(new ChunkFinished(
                first.type(),
                first.group(),
                chunk.size(),
                true,
                Duration.ofNanos(System.nanoTime() - started),
                clock.instant()));
    }
}
