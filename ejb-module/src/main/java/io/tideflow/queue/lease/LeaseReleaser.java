package io.tideflow.queue.lease;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.store.TaskStore;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Gives claimed tasks back: running ones at shutdown, waiting ones whose lease ran low before a worker was free. A singleton, so that the dispatcher can depend on it: the container keeps it
 * alive until the dispatcher's shutdown is over, which it does not promise for stateless beans.
 */
@Singleton
public class LeaseReleaser {

    @Inject
    TaskStore store;

    @Inject
    Clock clock;

    /** RUNNING → PENDING without counting the attempt; false when the task was decided elsewhere meanwhile. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean release(LeasedTask task, String reason) {
        return store.release(task, clock.instant(), reason);
    }
}
