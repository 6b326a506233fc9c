package io.tideflow.queue.api.event;

/**
 * Receives a subscription's events, one at a time, on the subscription's own thread: it may block (a network write)
 * without holding back the engine or the other subscribers. When it throws, its subscription ends.
 */
public interface EventSubscriber {

    /**
     * Called first, on the subscription's thread, once the subscription receives events: what the subscriber says
     * here reaches its client before any event.
     */
    default void onStart() throws Exception {}

    void onEvent(PublishedEvent event) throws Exception;

    /** Called when no event came for the subscription's idle interval: a stream's keep-alive, say. */
    default void onIdle() throws Exception {}

    /** Called once, on the subscription's thread, when it ends (closed, failed, or the engine stopping). */
    default void onEnd() {}
}
