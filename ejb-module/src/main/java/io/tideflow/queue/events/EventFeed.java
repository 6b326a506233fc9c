package io.tideflow.queue.events;

import io.tideflow.queue.api.event.EventSubscriber;
import io.tideflow.queue.api.event.EventSubscription;
import io.tideflow.queue.api.event.LifecycleEvent;
import io.tideflow.queue.api.event.PublishedEvent;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One subscription: a bounded buffer filled by the event bus's delivery thread without waiting, drained by a thread of
 * its own that calls the subscriber. A full buffer drops the newest events and counts them.
 */
final class EventFeed implements EventSubscription, Runnable {

    private static final Logger LOG = Logger.getLogger(EventFeed.class.getName());

    private final Predicate<LifecycleEvent> filter;
    private final BlockingQueue<PublishedEvent> buffer;
    private final long idleNanos;
    private final EventSubscriber subscriber;
    private final Consumer<EventFeed> onEnd;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean open = true;
    private volatile Thread thread;

    EventFeed(
            Predicate<LifecycleEvent> filter,
            int buffer,
            Duration idle,
            EventSubscriber subscriber,
            Consumer<EventFeed> onEnd) {
        if (buffer < 1 || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("a feed needs a buffer of at least 1 and a positive idle interval");
        }
        this.filter = filter;
        this.buffer = new ArrayBlockingQueue<>(buffer);
        this.idleNanos = idle.toNanos();
        this.subscriber = subscriber;
        this.onEnd = onEnd;
    }

    boolean wants(LifecycleEvent event) {
        return open && filter.test(event);
    }

    void offer(PublishedEvent event) {
        if (open && !buffer.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            subscriber.onStart();
            while (open) {
                PublishedEvent next = buffer.poll(idleNanos, TimeUnit.NANOSECONDS);
                if (!open) {
                    break;
                }
                if (next == null) {
                    subscriber.onIdle();
                } else {
                    subscriber.onEvent(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the subscriber's way of ending: a client that went away, say
            LOG.log(Level.FINE, "an event subscription ended: " + e, e);
        } finally {
            open = false;
            buffer.clear();
            onEnd.accept(this);
            subscriber.onEnd();
        }
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        Thread running = thread;
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
        }
    }
}
