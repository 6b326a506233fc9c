package io.tideflow.queue.events;

import io.tideflow.queue.api.event.LifecycleEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands one event to each of a set of listeners: a listener that throws is logged (at most once a minute each) and the
 * others still get the event. Safe to call from many threads.
 */
final class ListenerSet {

    private static final Logger LOG = Logger.getLogger(ListenerSet.class.getName());
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final List<LifecycleListener> listeners;
    private final AtomicLongArray lastLoggedAt;

    ListenerSet(List<LifecycleListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.lastLoggedAt = new AtomicLongArray(this.listeners.size());
    }

    void deliver(LifecycleEvent event) {
        for (int i = 0; i < listeners.size(); i++) {
            try {
                listeners.get(i).on(event);
            } catch (RuntimeException | LinkageError e) {
                logAtMostOnceAMinute(i, event, e);
            }
        }
    }

    private void logAtMostOnceAMinute(int listener, LifecycleEvent event, Throwable e) {
        long now = System.nanoTime();
        long last = lastLoggedAt.get(listener);
        if ((last == 0 || now - last > LOG_EVERY_NANOS) && lastLoggedAt.compareAndSet(listener, last, now)) {
            LOG.log(
                    Level.WARNING,
                    "event listener " + listeners.get(listener).getClass().getName() + " failed on " + event
                            + " (logged at most once a minute); the event went on to the others",
                    e);
        }
    }
}
