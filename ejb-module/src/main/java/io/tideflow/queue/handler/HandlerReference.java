package io.tideflow.queue.handler;

import jakarta.enterprise.context.spi.CreationalContext;

/** A handler for one attempt; closing it destroys the instance when the handler is a dependent bean. */
public final class HandlerReference<H> implements AutoCloseable {

    private final H handler;
    private final CreationalContext<?> creationalContext;

    HandlerReference(H handler, CreationalContext<?> creationalContext) {
        this.handler = handler;
        this.creationalContext = creationalContext;
    }

    public H handler() {
        return handler;
    }

    @Override
    public void close() {
        creationalContext.release();
    }
}
