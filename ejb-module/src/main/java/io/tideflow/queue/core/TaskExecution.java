package io.tideflow.queue.core;

import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.store.ClaimedTask;
import io.tideflow.queue.store.TaskStore;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one attempt: the handler and the RUNNING → COMPLETED update share one JTA transaction, so a handler's own
 * writes to the same database commit exactly when the task completes.
 */
@Stateless
public class TaskExecution {

    private static final Logger LOG = Logger.getLogger(TaskExecution.class.getName());

    @Resource
    SessionContext session;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    TaskStore store;

    @Inject
    JsonCodec json;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AttemptResult attempt(ClaimedTask task) {
        long started = System.nanoTime();
        Instance.Handle<TaskHandler> handle = null;
        try {
            handle = registry.handlerFor(task.type());
            Object result = handle.get().handle(new AttemptContext(task, json.jsonb()));
            long executionMs = (System.nanoTime() - started) / 1_000_000;
            if (!store.markSucceeded(task, json.resultJson(result), executionMs, clock.instant())) {
                // someone else decided this task (its lease was rescued): our work must not commit
                session.setRollbackOnly();
                LOG.warning(() -> "task " + task.id() + " of type '" + task.type()
                        + "' finished with a stale lease; its work was rolled back");
                return AttemptResult.staleLease();
            }
            return AttemptResult.succeeded();
        } catch (Exception e) {
            session.setRollbackOnly();
            LOG.log(Level.FINE, e, () -> "task " + task.id() + " attempt " + task.attempt() + " failed");
            return AttemptResult.failed(e);
        } finally {
            if (handle != null) {
                handle.destroy();
            }
        }
    }
}
