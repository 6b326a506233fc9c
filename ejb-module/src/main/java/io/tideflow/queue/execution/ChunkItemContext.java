package io.tideflow.queue.execution;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.worker.LeasedTask;
import jakarta.json.bind.Jsonb;
import java.time.Instant;

/** The {@link TaskContext} of one task in a chunk: its attempt ends with its lease, unless the chunk ends first. */
final class ChunkItemContext implements TaskContext {

    private final LeasedTask task;
    private final Jsonb jsonb;

    ChunkItemContext(LeasedTask task, Jsonb jsonb) {
        this.task = task;
        this.jsonb = jsonb;
    }

    LeasedTask task() {
        return task;
    }

    @Override
    public TaskId id() {
        return task.id();
    }

    @Override
    public String type() {
        return task.type();
    }

    @Override
    public String group() {
        return task.group();
    }

    @Override
    public int attempt() {
        return task.attempt();
    }

    @Override
    public int maxAttempts() {
        return task.maxAttempts();
    }

    @Override
    public String payloadJson() {
        return task.payloadJson();
    }

    @Override
    public <T> T payload(Class<T> type) {
        return jsonb.fromJson(task.payloadJson(), type);
    }

    @Override
    public Instant deadline() {
        return task.leaseExpiresAt();
    }

    @Override
    public boolean isCancellationRequested() {
        // a chunk is short; a task cancelled while it waited is never claimed into one
        return false;
    }
}
