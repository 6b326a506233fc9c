package io.tideflow.queue.events;

import io.tideflow.queue.api.event.LifecycleEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries committed events from the threads that made them to the listeners. The {@linkplain
 * LifecycleListener.Delivery#INLINE inline} ones (counters) get each event at once on the publishing thread; the
 * others on one delivery thread of the pump's own, in
 * batches a few milliseconds apart (so publishers never wake it: an event reaches the listeners within about 5 ms). The
 * queue is bounded: a publisher never waits, and when the listeners fall behind by a full queue the newest events are
 * dropped and counted. A listener that throws is logged (at most once a minute per listener) and the others still
 * get the event.
 */
public final class EventPump {

    private static final int DELIVERY_BATCH = 1024;
    private static final long IDLE_PAUSE_MS = 5;
    private static final long BUSY_PAUSE_MS = 2;

    private final BlockingQueue<LifecycleEvent> queue;
    private final ListenerSet inline;
    private final ListenerSet listeners;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private volatile boolean stopping;
    private volatile Thread thread;

    public EventPump(int capacity, List<LifecycleListener> listeners) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.inline = new ListenerSet(listeners.stream()
                .filter(l -> l.delivery() == LifecycleListener.Delivery.INLINE)
                .toList());
        this.listeners = new ListenerSet(listeners.stream()
                .filter(l -> l.delivery() == LifecycleListener.Delivery.QUEUED)
                .toList());
    }

    /**
     * Hands the event to the inline listeners on this thread, then queues it for the others; false (and counted as
     * dropped) when the queue is full or the pump stopped: the inline listeners have it all the same.
     */
    public boolean offer(LifecycleEvent event) {
        inline.deliver(event);
        if (stopping || !queue.offer(event)) {
            dropped.incrementAndGet();
            return false;
        }
        offered.incrementAndGet();
        return true;
    }

    public void start(ThreadFactory threads) {
        Thread started = threads.newThread(this::deliverUntilStopped);
        started.setName("tideflow-events");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    /** Stops taking events, delivers those already queued for up to {@code grace}, then ends the delivery thread. */
    public void stop(Duration grace) {
        stopping = true;
        Thread running = thread;
        if (running == null) {
            return;
        }
        try {
            running.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.interrupt();
    }

    /** Waits until every event offered so far has been delivered; false when {@code max} passed first. */
    public boolean awaitDelivered(Duration max) {
        long target = offered.get();
        long deadline = System.nanoTime() + max.toNanos();
        while (delivered.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public long dropped() {
        return dropped.get();
    }

    public long delivered() {
        return delivered.get();
    }

    public int backlog() {
        return queue.size();
    }

    private void deliverUntilStopped() {
        List<LifecycleEvent> batch = new ArrayList<>(DELIVERY_BATCH);
        while (!stopping || !queue.isEmpty()) {
            int taken = queue.drainTo(batch, DELIVERY_BATCH);
            if (taken > 0) {
                for (LifecycleEvent event : batch) {
                    listeners.deliver(event);
                }
                delivered.addAndGet(taken);
                batch.clear();
            }
            if (taken < DELIVERY_BATCH) {
                // waking up for every event costs the dispatcher's threads a context switch each; a short pause
                // lets events gather, which is all the delay they get
                try {
                    Thread.sleep(taken == 0 ? IDLE_PAUSE_MS : BUSY_PAUSE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
