package io.tideflow.queue.workflow;

import io.tideflow.queue.api.event.TaskCancelled;
import io.tideflow.queue.dispatch.DispatchSignal;
import io.tideflow.queue.events.AfterCommit;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.store.WaitingTasks;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** The releaser's short transactions: is anything waiting, release what can run, cancel what cannot. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WorkflowTransactions {

    @Inject
    WaitingTasks waiting;

    @Inject
    DispatchSignal signal;

    @Inject
    AfterCommit afterCommit;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    Clock clock;

    public boolean anyWaiting() {
        return waiting.anyWaiting();
    }

    /**
     * Moves up to {@code limit} waiting steps that nothing holds back to PENDING, and wakes the dispatchers of their
     * groups (on every node) once that has committed.
     *
     * @return how many it moved
     */
    public int releaseReady(int limit) {
        Instant now = clock.instant();
        Set<String> groups = new LinkedHashSet<>();
        int released = 0;
        for (WaitingTasks.Releasable step : waiting.releasable(limit)) {
            if (waiting.release(step.id(), now)) {
                groups.add(step.group());
                released++;
            }
        }
        groups.forEach(group -> afterCommit.run(() -> signal.enqueued(group)));
        return released;
    }

    /**
     * Cancels up to {@code limit} waiting steps whose predecessor ended DEAD_LETTER or CANCELLED (and that do not run
     * anyway); the steps that wait for them follow at the next call.
     *
     * @return how many it cancelled
     */
    public int cancelDoomed(int limit) {
        Instant now = clock.instant();
        int cancelled = 0;
        for (WaitingTasks.Doomed step : waiting.doomed(limit)) {
            String reason = "cancelled: predecessor " + step.predecessor() + " ended " + step.predecessorState();
            if (waiting.cancel(step.id(), now, reason)) {
                lifecycle.publish(new TaskCancelled(step.id(), step.type(), step.group(), now));
                cancelled++;
            }
        }
        return cancelled;
    }
}
