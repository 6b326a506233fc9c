package io.tideflow.queue.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Predicate;

/**
 * The wake-up line from committed enqueues to the dispatchers: this node's at once, other nodes' through
 * {@link ClusterWakeUp} when the database carries notifications. Kept apart from the beans it calls so that a
 * transaction's after-completion callback calls plain methods rather than EJBs.
 */
@ApplicationScoped
public class DispatchSignal {

    private static final Runnable NOBODY = () -> {};

    private static final Predicate<String> NO_GROUP_WATCHER = group -> false;

    private volatile Runnable localDispatcher = NOBODY;
    private volatile Predicate<String> groupWatcher = NO_GROUP_WATCHER;
    private volatile Runnable otherNodes = NOBODY;

    /**
     * @param enqueuedIn told of each group that received tasks; says whether this node's dispatcher should look now
     */
    void listen(Runnable wakeUp, Predicate<String> enqueuedIn) {
        this.groupWatcher = enqueuedIn;
        this.localDispatcher = wakeUp;
    }

    void stopListening() {
        this.localDispatcher = NOBODY;
        this.groupWatcher = NO_GROUP_WATCHER;
    }

    void announceWith(Runnable announcer) {
        this.otherNodes = announcer;
    }

    void stopAnnouncing() {
        this.otherNodes = NOBODY;
    }

    /** New work was committed here, in {@code group}: this node's dispatcher and every other node's should look. */
    public void enqueued(String group) {
        if (groupWatcher.test(group)) {
            localDispatcher.run();
        }
        otherNodes.run();
    }

    /** Wakes this node's dispatcher only. */
    public void wake() {
        localDispatcher.run();
    }
}
