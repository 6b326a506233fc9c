package io.tideflow.queue.worker;

import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskLeaseLost;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.groups.breaker.BreakerOutcomes;
import io.tideflow.queue.store.TaskStore;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** RUNNING → COMPLETED of a leased task in the caller's transaction, for a worker's task and a chunk's alike. */
@Dependent
public class TaskCompletions {

    @Inject
    TaskStore store;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    BreakerOutcomes breakerOutcomes;

    @Inject
    Clock clock;

    /** @return false when the lease token is stale: nothing was written for this task */
    public boolean complete(LeasedTask task, String resultJson, Duration execution) {
        Instant now = clock.instant();
        if (!store.markSucceeded(task, resultJson, execution.toMillis(), now)) {
            lifecycle.publish(new TaskLeaseLost(task.id(), task.type(), task.group(), task.attempt(), now));
            return false;
        }
        // published inside the caller's transaction: delivered after it commits, dropped if it rolls back
        lifecycle.publish(new TaskCompleted(task.id(), task.type(), task.group(), task.attempt(), execution, now));
        breakerOutcomes.succeeded(task.group());
        return true;
    }
}
