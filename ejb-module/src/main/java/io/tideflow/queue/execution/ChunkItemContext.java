package io.tideflow.queue.execution;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.worker.LeasedTask;
import jakarta.json.bind.Jsonb;
import java.time.Instant;

/** The {@link TaskContext} of one task in a chunk: its attempt ends with its lease, unless the chunk ends first. */
final class ChunkItemContext extends LeasedTaskContext {

    ChunkItemContext(LeasedTask task, Jsonb jsonb) {
        super(task, jsonb);
    }

    @Override
    public Instant deadline() {
        return task().leaseExpiresAt();
    }

    @Override
    public boolean isCancellationRequested() {
        // a chunk is short; a task cancelled while it waited is never claimed into one
        return false;
    }
}
