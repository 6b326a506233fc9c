package io.tideflow.batch.chunk;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.api.worker.TaskWorker;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Hands a chunk to the engine, which prepares each task's context, calls the type's handler and completes every task
 * with its own result, in a transaction of the chunk's own that commits before the batch runtime's checkpoint.
 */
@Named("tideflowChunkWriter")
@Dependent
public class ChunkWriter extends AbstractItemWriter {

    @Inject
    StepContext step;

    @Inject
    TaskWorker worker;

    @Override
    public void writeItems(List<Object> items) {
        List<LeasedTask> tasks = items.stream().map(LeasedTask.class::cast).toList();
        ((ClaimedBatch) step.getTransientUserData()).written(tasks);
        worker.runChunk(tasks);
    }
}
