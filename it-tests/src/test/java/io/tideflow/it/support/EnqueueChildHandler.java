package io.tideflow.it.support;

import io.tideflow.queue.api.TaskContext;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * Enqueues a child task (group {@code child-of-<its id>}) in its own transaction, then fails when its payload says
 * {@code "fail": true}: the child's enqueue rolls back with it, and no event may announce it.
 */
@ApplicationScoped
@TaskType("it.enqueue-child")
public class EnqueueChildHandler implements TaskHandler {

    @Inject
    TaskQueue queue;

    @Override
    public Object handle(TaskContext context) {
        queue.enqueue(TaskRequest.ofType("demo.echo")
                .group("child-of-" + context.id().value())
                .build());
        if (context.payload(JsonObject.class).getBoolean("fail", false)) {
            throw new IllegalStateException("failing after the enqueue, on purpose");
        }
        return null;
    }
}
