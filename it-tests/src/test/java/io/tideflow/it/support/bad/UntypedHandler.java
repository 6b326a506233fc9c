package io.tideflow.it.support.bad;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** A handler without {@code @TaskType}: a deployment holding it must fail. */
@ApplicationScoped
public class UntypedHandler implements TaskHandler {

    @Override
    public Object handle(TaskContext context) {
        return null;
    }
}
