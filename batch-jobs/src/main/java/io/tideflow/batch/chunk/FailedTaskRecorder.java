package io.tideflow.batch.chunk;

import io.tideflow.queue.api.worker.ChunkFailedException;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.api.worker.TaskWorker;
import jakarta.batch.api.chunk.listener.SkipWriteListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;

/**
 * A task that failed in a chunk of its own (the retry after a failed chunk runs one task per chunk) is skipped by the
 * batch runtime; here it records a failed attempt, in a transaction of its own, so that the engine's error classes and
 * retry policy decide between a retry after its backoff and a dead letter, as for a task run alone.
 */
@Named("tideflowFailedTaskRecorder")
@Dependent
public class FailedTaskRecorder implements SkipWriteListener {

    @Inject
    StepContext step;

    @Inject
    TaskWorker worker;

    @Override
    public void onSkipWriteItem(List<Object> items, Exception failure) {
        Throwable cause = failure instanceof ChunkFailedException chunk ? chunk.failure() : failure;
        ClaimedBatch batch = (ClaimedBatch) step.getTransientUserData();
        Duration execution = Duration.ofNanos(batch.chunkNanos());
        for (Object item : items) {
            LeasedTask task = (LeasedTask) item;
            worker.fail(task, cause, execution);
            batch.finished(task);
        }
    }
}
