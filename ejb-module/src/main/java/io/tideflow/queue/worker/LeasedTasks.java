package io.tideflow.queue.worker;

import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.store.ClaimedTask;
import io.tideflow.queue.store.FailureOutcome;

/** Between the worker API's values and the store's. */
final class LeasedTasks {

    private LeasedTasks() {}

    static LeasedTask leased(ClaimedTask task) {
        return new LeasedTask(
                task.id(),
                task.type(),
                task.group(),
                task.payloadJson(),
                task.attempt(),
                task.maxAttempts(),
                task.leaseToken(),
                task.leaseExpiresAt(),
                task.dueAt());
    }

    static ClaimedTask claimed(LeasedTask task) {
        return new ClaimedTask(
                task.id(),
                task.type(),
                task.group(),
                task.payloadJson(),
                task.attempt(),
                task.maxAttempts(),
                task.leaseToken(),
                task.leaseExpiresAt(),
                task.dueAt());
    }

    static FailureVerdict verdict(FailureOutcome outcome) {
        return switch (outcome) {
            case RETRY_SCHEDULED -> FailureVerdict.RETRY_SCHEDULED;
            case DEAD_LETTERED -> FailureVerdict.DEAD_LETTERED;
            case DEFERRED -> FailureVerdict.DEFERRED;
            case STALE_LEASE -> FailureVerdict.STALE_LEASE;
        };
    }
}
