package io.tideflow.queue.handler;

import io.tideflow.queue.api.TaskHandler;
import jakarta.enterprise.context.spi.CreationalContext;

/** A handler for one attempt; closing it destroys the instance when the handler is a dependent bean. */
public final class HandlerReference implements AutoCloseable {

    private final TaskHandler handler;
    private final CreationalContext<?> creationalContext;

    HandlerReference(TaskHandler handler, CreationalContext<?> creationalContext) {
        this.handler = handler;
        this.creationalContext = creationalContext;
    }

    public TaskHandler handler() {
        return handler;
    }

    @Override
    public void close() {
        creationalContext.release();
    }
}
