package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** Writes a row in the task's transaction, then fails: the row must never be seen. */
@ApplicationScoped
@TaskType("it.write-then-fail")
public class WriteThenFailHandler implements TaskHandler {

    @Inject
    EffectsTable effects;

    @Override
    public Object handle(TaskContext context) throws Exception {
        effects.write(context.payload(JsonObject.class).getString("marker"), context.attempt());
        throw new IllegalStateException("failing after the write, on purpose");
    }
}
