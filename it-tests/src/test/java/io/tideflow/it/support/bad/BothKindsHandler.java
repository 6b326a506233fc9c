package io.tideflow.it.support.bad;

import io.tideflow.queue.api.BatchTaskHandler;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A handler that would run its tasks one at a time and in chunks: a deployment holding it must fail. */
@ApplicationScoped
@TaskType("it.bad.both")
public class BothKindsHandler implements TaskHandler, BatchTaskHandler {

    @Override
    public Object handle(TaskContext context) {
        return null;
    }

    @Override
    public List<?> handle(List<TaskContext> tasks) {
        return tasks;
    }
}
