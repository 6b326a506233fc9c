package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;

/** Writes a row in the task's transaction, then works for {@code ms} before it completes: a crash lands mid-way. */
@ApplicationScoped
@TaskType("it.slow-write")
public class SlowWriteHandler implements TaskHandler {

    @Inject
    EffectsTable effects;

    @Override
    public Object handle(TaskContext context) throws Exception {
        JsonObject payload = context.payload(JsonObject.class);
        effects.write(payload.getString("marker"), context.attempt());
        TimeUnit.MILLISECONDS.sleep(payload.getInt("ms"));
        return null;
    }
}
