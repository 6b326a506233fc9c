package io.tideflow.queue.failure;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.RetryTaskAt;
import io.tideflow.queue.api.event.TaskCancelled;
import io.tideflow.queue.api.event.TaskDeadLettered;
import io.tideflow.queue.api.event.TaskDeferred;
import io.tideflow.queue.api.event.TaskEscalated;
import io.tideflow.queue.api.event.TaskFailed;
import io.tideflow.queue.api.event.TaskLeaseLost;
import io.tideflow.queue.api.event.TaskRetryScheduled;
import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.config.TypePolicies;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.groups.GroupDirectory;
import io.tideflow.queue.model.BreakerSettings;
import io.tideflow.queue.model.RetryDecision;
import io.tideflow.queue.store.TaskStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Records how an attempt ended when its own transaction could not: each in a new transaction. */
@Stateless
public class FailureRecorder {

    private static final Logger LOG = Logger.getLogger(FailureRecorder.class.getName());
    private static final int STACK_FRAMES = 12;

    @Inject
    TaskStore store;

    @Inject
    TypePolicies types;

    @Inject
    Clock clock;

    @Inject
    GroupDirectory directory;

    @Inject
    Event<TaskEscalated> escalations;

    @Inject
    LifecycleEvents lifecycle;

    private final RetryBackoff backoff =
            new RetryBackoff(() -> ThreadLocalRandom.current().nextDouble());

    /**
     * Records a failed attempt as its {@link ErrorClass} says: RUNNING → FAILED with the retry time (backoff, the
     * handler's {@link RetryTaskAt}, or the breaker's delay for a database failure), on to DEAD_LETTER when attempts
     * are spent or the failure is a validation failure; a deferred one goes back to PENDING without burning its
     * attempt. An unexpected (SYSTEM) failure is logged at SEVERE and raised as {@link TaskEscalated}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public FailureVerdict record(LeasedTask task, Throwable error, Duration execution) {
        Instant now = clock.instant();
        ErrorClass kind = ErrorClassifier.classify(error);
        String described = "[" + kind + "] " + describe(error);
        FailureVerdict outcome;
        Instant dueAgainAt;
        if (kind == ErrorClass.DEFERRED) {
            dueAgainAt =
                    now.plus(types.policyOf(task.type(), task.group()).retry().baseDelay());
            outcome = store.defer(task, dueAgainAt, "deferred: " + error, now);
        } else {
            RetryDecision decision = RetryDecider.decide(task.attempt(), task.maxAttempts(), kind);
            dueAgainAt = retryAt(task, kind, error, now);
            outcome = store.recordFailure(task, described, decision, dueAgainAt, now);
        }
        publish(task, kind, error, execution, outcome, dueAgainAt, now);
        if (kind == ErrorClass.SYSTEM && outcome != FailureVerdict.STALE_LEASE) {
            LOG.log(
                    Level.SEVERE,
                    "task " + task.id() + " of type '" + task.type() + "' attempt " + task.attempt()
                            + " failed unexpectedly: " + outcome,
                    error);
            escalations.fire(new TaskEscalated(task.id(), task.type(), task.group(), task.attempt(), described));
        } else {
            Level level = outcome == FailureVerdict.STALE_LEASE ? Level.WARNING : Level.INFO;
            LOG.log(
                    level,
                    () -> "task " + task.id() + " of type '" + task.type() + "' attempt " + task.attempt() + "/"
                            + task.maxAttempts() + " failed (" + kind + ": " + LogText.oneLine(error) + "): "
                            + outcome);
        }
        return outcome;
    }

    private void publish(
            LeasedTask task,
            ErrorClass kind,
            Throwable error,
            Duration execution,
            FailureVerdict outcome,
            Instant dueAgainAt,
            Instant now) {
        if (outcome == FailureVerdict.STALE_LEASE) {
            lifecycle.publish(new TaskLeaseLost(task.id(), task.type(), task.group(), task.attempt(), now));
            return;
        }
        if (outcome == FailureVerdict.DEFERRED) {
            lifecycle.publish(new TaskDeferred(task.id(), task.type(), task.group(), dueAgainAt, now));
            return;
        }
        lifecycle.publish(new TaskFailed(
                task.id(), task.type(), task.group(), task.attempt(), kind, String.valueOf(error), execution, now));
        lifecycle.publish(
                outcome == FailureVerdict.DEAD_LETTERED
                        ? new TaskDeadLettered(task.id(), task.type(), task.group(), task.attempt(), now)
                        : new TaskRetryScheduled(
                                task.id(), task.type(), task.group(), task.attempt(), dueAgainAt, now));
    }

    private Instant retryAt(LeasedTask task, ErrorClass kind, Throwable error, Instant now) {
        if (kind == ErrorClass.BUSINESS) {
            Instant wanted = businessRetryTime(error);
            return wanted.isBefore(now) ? now : wanted;
        }
        BreakerSettings breaker = directory.breakerOf(task.group());
        if (kind == ErrorClass.DATABASE && breaker != null) {
            return now.plus(breaker.openDelay());
        }
        return now.plus(
                backoff.delayAfter(types.policyOf(task.type(), task.group()).retry(), task.attempt()));
    }

    private static Instant businessRetryTime(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryTaskAt retry) {
                return retry.at();
            }
        }
        throw new IllegalStateException("a BUSINESS failure without RetryTaskAt; this indicates a bug", error);
    }

    /** A handler stopped on a cancel request: RUNNING ends CANCELLED. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recordCancelled(LeasedTask task) {
        Instant now = clock.instant();
        boolean cancelled = store.markCancelled(task, now);
        lifecycle.publish(
                cancelled
                        ? new TaskCancelled(task.id(), task.type(), task.group(), now)
                        : new TaskLeaseLost(task.id(), task.type(), task.group(), task.attempt(), now));
        return cancelled;
    }

    /** The error class, message and the top of the stack trace (the store fits it to its column). */
    static String describe(Throwable error) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println(error);
        StackTraceElement[] frames = error.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, STACK_FRAMES); i++) {
            out.println("\tat " + frames[i]);
        }
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            out.println("Caused by: " + cause);
        }
        return text.toString();
    }
}
