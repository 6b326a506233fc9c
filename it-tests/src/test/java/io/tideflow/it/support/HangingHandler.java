package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;

/** Writes a row, then hangs far past its type's timeout (2 s in the test configuration). */
@ApplicationScoped
@TaskType("it.hang")
public class HangingHandler implements TaskHandler {

    @Inject
    EffectsTable effects;

    @Override
    public Object handle(TaskContext context) throws Exception {
        effects.write(context.payload(JsonObject.class).getString("marker"), context.attempt());
        TimeUnit.MINUTES.sleep(10);
        return null;
    }
}
