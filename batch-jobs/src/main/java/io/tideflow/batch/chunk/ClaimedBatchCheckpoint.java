package io.tideflow.batch.chunk;

import jakarta.batch.api.chunk.AbstractCheckpointAlgorithm;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Checks the batch size: a chunk is complete when every task of the reader's last claim has been read. */
@Named("tideflowClaimedBatchCheckpoint")
@Dependent
public class ClaimedBatchCheckpoint extends AbstractCheckpointAlgorithm {

    @Inject
    StepContext step;

    @Override
    public boolean isReadyToCheckpoint() {
        return !(step.getTransientUserData() instanceof ClaimedBatch batch) || batch.allRead();
    }
}
