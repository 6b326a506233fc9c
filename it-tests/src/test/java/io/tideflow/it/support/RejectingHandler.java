package io.tideflow.it.support;

import io.tideflow.queue.api.PermanentTaskFailure;
import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;

/** Refuses every task as permanently invalid: no retry may follow. */
@ApplicationScoped
@TaskType("it.reject")
public class RejectingHandler implements TaskHandler {

    @Override
    public Object handle(TaskContext context) {
        throw new PermanentTaskFailure("this input can never succeed");
    }
}
