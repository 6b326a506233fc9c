package io.tideflow.queue.execution;

import io.tideflow.queue.api.TaskCancelledException;
import io.tideflow.queue.api.TaskHandler;
import io.tideflow.queue.api.TaskTimeoutException;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.handler.HandlerReference;
import io.tideflow.queue.handler.JsonCodec;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import io.tideflow.queue.store.CompletionWriter.Completion;
import io.tideflow.queue.store.TaskStore;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one attempt. A transactional handler and the RUNNING → COMPLETED update share one JTA transaction, bounded by
 * the type's timeout, so a handler's own writes to the same database commit exactly when the task completes: one
 * commit per task, the price of exactly-once. A {@link io.tideflow.queue.api.NonTransactional} handler runs outside
 * any transaction and its completion is handed to the {@link CompletionBatcher}, which shares commits.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class TaskExecution {

    private static final Logger LOG = Logger.getLogger(TaskExecution.class.getName());

    @Resource
    UserTransaction transaction;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    TaskStore store;

    @Inject
    JsonCodec json;

    @Inject
    Clock clock;

    public AttemptResult attempt(RunningAttempt attempt) {
        LeasedTask task = attempt.task();
        long started = System.nanoTime();
        boolean transactional = registry.isTransactional(task.type());
        HandlerReference<TaskHandler> handle = null;
        try {
            // inside the try: a type without a handler on this node is a failed attempt, recorded like any other
            handle = registry.handlerFor(task.type());
            if (transactional) {
                begin(attempt);
            }
            Object result;
            try {
                result = handle.handler().handle(new AttemptContext(attempt, json.jsonb()));
            } finally {
                attempt.markHandlerDone();
            }
            if (clock.instant().isAfter(attempt.deadline())) {
                throw timeoutOf(attempt);
            }
            long executionMs = (System.nanoTime() - started) / 1_000_000;
            if (!transactional) {
                return AttemptResult.handedOver(
                        new Completion(task, json.resultJson(result), executionMs, clock.instant()));
            }
            if (!store.markSucceeded(task, json.resultJson(result), executionMs, clock.instant())) {
                // someone else decided this task (its lease was rescued): our work must not commit
                rollback(task);
                LOG.warning(() -> "task " + task.id() + " of type '" + task.type()
                        + "' finished with a stale lease; its work was rolled back");
                return AttemptResult.staleLease();
            }
            transaction.commit();
            return AttemptResult.succeeded();
        } catch (TaskCancelledException stopped) {
            rollback(task);
            return attempt.isStoppingForShutdown() ? AttemptResult.stoppedForShutdown() : AttemptResult.cancelled();
        } catch (Exception e) {
            rollback(task);
            if (attempt.isStoppingForShutdown()) {
                // the interrupt or the cancel request of the shutdown ended it: not the task's failure
                return AttemptResult.stoppedForShutdown();
            }
            Throwable cause = clock.instant().isAfter(attempt.deadline()) && !(e instanceof TaskTimeoutException)
                    ? timeoutOf(attempt).initCause(e)
                    : e;
            LOG.log(Level.FINE, cause, () -> "task " + task.id() + " attempt " + task.attempt() + " failed");
            return AttemptResult.failed(cause);
        } finally {
            if (handle != null) {
                handle.close();
            }
            attempt.finish();
            // a timeout's interrupt must not leak into whatever this pooled thread runs next
            Thread.interrupted();
        }
    }

    private void begin(RunningAttempt attempt) throws Exception {
        long seconds = Math.max(
                1, Duration.between(clock.instant(), attempt.deadline()).toSeconds() + 1);
        transaction.setTransactionTimeout((int) Math.min(Integer.MAX_VALUE, seconds));
        transaction.begin();
    }

    private void rollback(LeasedTask task) {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "rolling back the attempt of task " + task.id() + " failed", e);
        }
    }

    private static TaskTimeoutException timeoutOf(RunningAttempt attempt) {
        return new TaskTimeoutException(attempt.task().id(), attempt.task().type(), attempt.timeout());
    }
}
