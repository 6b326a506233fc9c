package io.tideflow.queue.events;

import io.tideflow.queue.api.event.LifecycleEvent;

/**
 * Tideflow's own subscribers to committed lifecycle events (metrics, history, the forwarding to CDI observers). All
 * are called on the event bus's one delivery thread, in order, never on a dispatcher thread.
 */
public interface LifecycleListener {

    void on(LifecycleEvent event);
}
