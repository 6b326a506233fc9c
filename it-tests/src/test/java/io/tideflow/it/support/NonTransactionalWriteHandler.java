package io.tideflow.it.support;

import io.tideflow.queue.api.NonTransactional;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * Writes a row outside any transaction, then fails its first attempt: the row of the failed attempt stays, which is
 * the at-least-once guarantee that {@link NonTransactional} handlers get.
 */
@ApplicationScoped
@NonTransactional
@TaskType("it.non-transactional-write")
public class NonTransactionalWriteHandler implements TaskHandler {

    @Inject
    EffectsTable effects;

    @Override
    public Object handle(TaskContext context) throws Exception {
        effects.writeAutonomously(context.payload(JsonObject.class).getString("marker"), context.attempt());
        if (context.attempt() == 1) {
            throw new IllegalStateException("first attempt fails after its write");
        }
        return null;
    }
}
