package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** Writes a row in the task's transaction and succeeds: the row commits with COMPLETED. */
@ApplicationScoped
@TaskType("it.write-then-succeed")
public class WriteThenSucceedHandler implements TaskHandler {

    @Inject
    EffectsTable effects;

    @Override
    public Object handle(TaskContext context) throws Exception {
        effects.write(context.payload(JsonObject.class).getString("marker"), context.attempt());
        return null;
    }
}
