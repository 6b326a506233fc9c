package io.tideflow.queue.events;

import io.tideflow.queue.api.event.LifecycleEvent;

/**
 * Tideflow's own subscribers to committed lifecycle events (metrics, history, the forwarding to CDI observers). A
 * listener that only counts is called {@linkplain Delivery#INLINE inline}, so that nothing it counts can be lost; the
 * others are called on the event bus's one delivery thread, in order, never on a dispatcher thread.
 */
public interface LifecycleListener {

    /** How a listener gets its events. */
    enum Delivery {
        /**
         * On the thread that made the change, right after its commit. Only for listeners that count in memory
         * (thread-safe, no I/O, no waiting): they see every event, however far behind the queue is.
         */
        INLINE,
        /** Through the bounded queue, on the delivery thread: when the queue is full, new events are dropped (counted). */
        QUEUED
    }

    void on(LifecycleEvent event);

    default Delivery delivery() {
        return Delivery.QUEUED;
    }

    /** A listener delivered {@linkplain Delivery#INLINE inline}: {@code counter} must count in memory only. */
    static LifecycleListener inline(java.util.function.Consumer<LifecycleEvent> counter) {
        return new LifecycleListener() {
            @Override
            public void on(LifecycleEvent event) {
                counter.accept(event);
            }

            @Override
            public Delivery delivery() {
                return Delivery.INLINE;
            }
        };
    }
}
