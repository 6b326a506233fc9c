package io.tideflow.queue.dispatch;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The wake-up line from committed enqueues to the dispatchers: this node's at once, other nodes' through
 * {@link ClusterWakeUp} when the database carries notifications. Kept apart from the beans it calls so that a
 * transaction's after-completion callback calls plain methods rather than EJBs.
 */
@ApplicationScoped
public class DispatchSignal {

    private static final Runnable NOBODY = () -> {};

    private volatile Runnable localDispatcher = NOBODY;
    private volatile Runnable otherNodes = NOBODY;

    void listen(Runnable wakeUp) {
        this.localDispatcher = wakeUp;
    }

    void stopListening() {
        this.localDispatcher = NOBODY;
    }

    void announceWith(Runnable announcer) {
        this.otherNodes = announcer;
    }

    void stopAnnouncing() {
        this.otherNodes = NOBODY;
    }

    /** New work was committed here: this node's dispatcher and every other node's should look. */
    public void enqueued() {
        localDispatcher.run();
        otherNodes.run();
    }

    /** Wakes this node's dispatcher only. */
    public void wake() {
        localDispatcher.run();
    }
}
