package io.tideflow.queue.events;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way the engine acts after a commit: an action given inside a transaction runs once it has committed (in the
 * order given, on the committing thread, through one synchronization per transaction), never when it rolls back;
 * outside a transaction it runs at once.
 */
@ApplicationScoped
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());
    private static final Object ACTIONS_KEY = AfterCommit.class.getName() + ".actions";

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void run(Runnable action) {
        switch (transactions.getTransactionStatus()) {
            case Status.STATUS_NO_TRANSACTION -> runSafely(action);
            case Status.STATUS_ACTIVE -> actionsOfThisTransaction().add(action);
            // marked for rollback: what the action follows will not happen
            default -> {}
        }
    }

    @SuppressWarnings("unchecked")
    private List<Runnable> actionsOfThisTransaction() {
        List<Runnable> actions = (List<Runnable>) transactions.getResource(ACTIONS_KEY);
        if (actions == null) {
            List<Runnable> created = new ArrayList<>();
            transactions.putResource(ACTIONS_KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // actions go only after the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        created.forEach(AfterCommit::runSafely);
                    }
                }
            });
            actions = created;
        }
        return actions;
    }

    private static void runSafely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // an after-commit action must never fail the change it follows (e.g. the bus already gone at shutdown)
            LOG.log(Level.FINE, "an after-commit action failed", e);
        }
    }
}
