package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;

/** Has a bug: an unexpected system error, escalated. */
@ApplicationScoped
@TaskType("it.buggy")
public class BuggyHandler implements TaskHandler {

    @Override
    public Object handle(TaskContext context) {
        String missing = context.idempotencyKey().isEmpty() ? "" : null;
        return missing.length();
    }
}
