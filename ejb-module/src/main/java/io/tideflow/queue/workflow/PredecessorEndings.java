package io.tideflow.queue.workflow;

import io.tideflow.queue.api.event.LifecycleEvent;
import io.tideflow.queue.api.event.TaskCancelled;
import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskDeadLettered;
import io.tideflow.queue.events.LifecycleListener;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the workflow releaser, right after the commit, that a task of this node has ended while steps were waiting:
 * a fan-in is released one releaser run after its last predecessor's commit, not at the next poll. Ends on other
 * nodes are their releasers' (every node runs one); the poll covers a node that died before its run.
 */
@ApplicationScoped
public class PredecessorEndings implements LifecycleListener {

    private volatile Runnable releaseSoon;
    private volatile boolean stepsWaiting;

    /** Called by the releaser: what to run when a task ends. */
    void attach(Runnable releaseSoon) {
        this.releaseSoon = releaseSoon;
    }

    /** Called by the releaser after each look: whether any step waits, so that an end without one costs nothing. */
    void stepsWaiting(boolean waiting) {
        this.stepsWaiting = waiting;
    }

    /** A workflow was submitted here: its steps may wait for tasks that have already ended. */
    void submitted() {
        stepsWaiting = true;
        Runnable run = releaseSoon;
        if (run != null) {
            run.run();
        }
    }

    @Override
    public void on(LifecycleEvent event) {
        Runnable run = releaseSoon;
        if (stepsWaiting
                && run != null
                && (event instanceof TaskCompleted
                        || event instanceof TaskDeadLettered
                        || event instanceof TaskCancelled)) {
            run.run();
        }
    }

    @Override
    public Delivery delivery() {
        return Delivery.INLINE;
    }
}
