package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records its task id in the task's transaction: a task run twice would leave two rows. */
@ApplicationScoped
@TaskType("it.count-once")
public class CountOnceHandler implements TaskHandler {

    @Inject
    EffectsTable effects;

    @Override
    public Object handle(TaskContext context) throws Exception {
        effects.write(context.id().value(), context.attempt());
        return null;
    }
}
