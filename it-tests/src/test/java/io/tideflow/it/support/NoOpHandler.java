package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;

/** Does nothing: what is measured around it is the engine alone. */
@ApplicationScoped
@TaskType("it.noop")
public class NoOpHandler implements TaskHandler {

    @Override
    public Object handle(TaskContext context) {
        return null;
    }
}
