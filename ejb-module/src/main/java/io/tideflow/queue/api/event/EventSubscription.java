package io.tideflow.queue.api.event;

/** One subscriber's feed of lifecycle events; close it to stop. */
public interface EventSubscription extends AutoCloseable {

    /** Events this subscription missed because its subscriber was a full buffer behind. */
    long dropped();

    boolean isOpen();

    /** Ends the subscription: no event is delivered after {@link EventSubscriber#onEnd()}. Idempotent. */
    @Override
    void close();
}
