package io.tideflow.it.support.bad;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;

/** One of two handlers claiming the same type: a deployment holding both must fail. */
@ApplicationScoped
@TaskType("it.bad.twice")
public class SameTypeHandlerA implements TaskHandler {

    @Override
    public Object handle(TaskContext context) {
        return null;
    }
}
