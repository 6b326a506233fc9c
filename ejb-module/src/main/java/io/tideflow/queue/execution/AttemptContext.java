package io.tideflow.queue.execution;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.worker.LeasedTask;
import jakarta.json.bind.Jsonb;
import java.time.Instant;

/** The {@link TaskContext} of one running attempt. */
final class AttemptContext implements TaskContext {

    private final RunningAttempt attempt;
    private final LeasedTask task;
    private final Jsonb jsonb;

    AttemptContext(RunningAttempt attempt, Jsonb jsonb) {
        this.attempt = attempt;
        this.task = attempt.task();
        this.jsonb = jsonb;
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
        return attempt.deadline();
    }

    @Override
    public boolean isCancellationRequested() {
        return attempt.isCancelRequested() || attempt.isStoppingForShutdown();
    }
}
