package io.tideflow.queue.events;

import io.tideflow.queue.api.event.LifecycleEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the engine announces its changes. An event published inside a transaction waits for that transaction: it is
 * delivered when it commits and forgotten when it rolls back, so no observer ever sees a change that did not happen.
 * One published outside any transaction describes a change already committed and goes at once.
 */
@ApplicationScoped
public class LifecycleEvents {

    private static final Logger LOG = Logger.getLogger(LifecycleEvents.class.getName());
    private static final Object PENDING_KEY = LifecycleEvents.class.getName() + ".pending";

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    EventBus bus;

    public void publish(LifecycleEvent event) {
        try {
            switch (transactions.getTransactionStatus()) {
                case Status.STATUS_NO_TRANSACTION -> bus.offer(event);
                case Status.STATUS_ACTIVE -> pendingInThisTransaction().add(event);
                // marked for rollback: the change will not happen
                default -> {}
            }
        } catch (RuntimeException e) {
            // publishing must never fail the change it describes (e.g. the bus already gone at shutdown)
            LOG.log(Level.FINE, "event " + event + " not published", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<LifecycleEvent> pendingInThisTransaction() {
        List<LifecycleEvent> pending = (List<LifecycleEvent>) transactions.getResource(PENDING_KEY);
        if (pending == null) {
            List<LifecycleEvent> created = new ArrayList<>();
            transactions.putResource(PENDING_KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // events go only after the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        created.forEach(bus::offer);
                    }
                }
            });
            pending = created;
        }
        return pending;
    }
}
