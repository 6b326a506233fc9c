package io.tideflow.queue.api.event;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Subscriptions to this node's committed lifecycle events, for bridges to the outside (an event stream, a message
 * topic). Unlike an {@code @ObservesAsync} observer, each subscription has a bounded buffer and a thread of its own: a
 * slow subscriber drops (and counts) its own events and never delays another's, nor the engine.
 */
public interface EventSubscriptions {

    /**
     * @param filter which events the subscriber wants
     * @param buffer the most events kept waiting for the subscriber; newer ones are dropped beyond it
     * @param idle how long without an event before {@link EventSubscriber#onIdle()}
     * @throws TooManySubscriptionsException when this node already feeds {@link #maxSubscriptions()}
     */
    EventSubscription subscribe(
            Predicate<LifecycleEvent> filter, int buffer, Duration idle, EventSubscriber subscriber);

    /** The most subscriptions a node feeds at once, each with a thread of its own. */
    int maxSubscriptions();
}
