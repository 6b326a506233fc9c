package io.tideflow.batch.chunk;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Follows each chunk: when it commits its tasks are finished; when it rolls back they are held still (the reader gives
 * them back when the runtime reopens it to run them one at a time). Logs each chunk's size and duration at FINE; the
 * batch metrics are the engine's ({@code ChunkFinished}).
 */
@Named("tideflowChunkProgress")
@Dependent
public class ChunkProgress extends AbstractChunkListener {

    private static final Logger LOG = Logger.getLogger(ChunkProgress.class.getName());

    @Inject
    StepContext step;

    @Override
    public void beforeChunk() {
        if (step.getTransientUserData() instanceof ClaimedBatch batch) {
            batch.startChunk();
        }
    }

    @Override
    public void afterChunk() {
        if (step.getTransientUserData() instanceof ClaimedBatch batch) {
            long nanos = batch.chunkNanos();
            int size = batch.committed();
            LOG.fine(() -> "chunk of " + size + " tasks committed in " + nanos / 1_000_000 + " ms");
        }
    }

    @Override
    public void onError(Exception failure) {
        if (step.getTransientUserData() instanceof ClaimedBatch batch) {
            batch.rolledBack();
        }
    }
}
