package io.tideflow.queue.events;

import io.tideflow.queue.api.event.LifecycleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    AfterCommit afterCommit;

    @Inject
    EventBus bus;

    public void publish(LifecycleEvent event) {
        try {
            afterCommit.run(() -> bus.offer(event));
        } catch (RuntimeException e) {
            // publishing must never fail the change it describes (e.g. the bus already gone at shutdown)
            LOG.log(Level.FINE, "event " + event + " not published", e);
        }
    }
}
