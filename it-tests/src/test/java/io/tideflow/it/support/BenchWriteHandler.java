package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** For the chunk benchmark: one task, one row written in its completion's transaction (the exactly-once path). */
@ApplicationScoped
@TaskType("it.bench-write")
public class BenchWriteHandler implements TaskHandler {

    @Inject
    EffectsTable effects;

    @Override
    public Object handle(TaskContext context) throws Exception {
        effects.write("bench", context.attempt());
        return null;
    }
}
