package io.tideflow.queue.execution;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.worker.LeasedTask;
import jakarta.json.bind.Jsonb;

/** What every {@link TaskContext} reads from its leased task; how an attempt ends is the subclass's. */
abstract class LeasedTaskContext implements TaskContext {

    private final LeasedTask task;
    private final Jsonb jsonb;

    LeasedTaskContext(LeasedTask task, Jsonb jsonb) {
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
}
