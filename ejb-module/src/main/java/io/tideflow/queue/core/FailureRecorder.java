package io.tideflow.queue.core;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.RetryTaskAt;
import io.tideflow.queue.api.TaskEscalated;
import io.tideflow.queue.store.ClaimedTask;
import io.tideflow.queue.store.FailureOutcome;
import io.tideflow.queue.store.TaskStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Records how an attempt ended when its own transaction could not: each in a new transaction. */
@Stateless
public class FailureRecorder {

    private static final Logger LOG = Logger.getLogger(FailureRecorder.class.getName());
    private static final int MAX_ERROR_CHARS = 4000;
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

    private final RetryBackoff backoff = new RetryBackoff(() -> ThreadLocalRandom.current().nextDouble());

    /**
     * Records a failed attempt as its {@link ErrorClass} says: RUNNING → FAILED with the retry time (backoff, the
     * handler's {@link RetryTaskAt}, or the breaker's delay for a database failure), on to DEAD_LETTER when attempts
     * are spent or the failure is a validation failure; a deferred one goes back to PENDING without burning its
     * attempt. An unexpected (SYSTEM) failure is logged at SEVERE and raised as {@link TaskEscalated}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public FailureOutcome record(ClaimedTask task, Throwable error) {
        Instant now = clock.instant();
        ErrorClass kind = ErrorClassifier.classify(error);
        String described = "[" + kind + "] " + describe(error);
        FailureOutcome outcome;
        if (kind == ErrorClass.DEFERRED) {
            outcome = store.defer(task, now.plus(types.policyOf(task.type(), task.group()).retry().baseDelay()),
                    "deferred: " + error, now);
        } else {
            RetryDecision decision = RetryDecider.decide(task.attempt(), task.maxAttempts(), kind);
            outcome = store.recordFailure(task, described, decision, retryAt(task, kind, error, now), now);
        }
        if (kind == ErrorClass.SYSTEM && outcome != FailureOutcome.STALE_LEASE) {
            LOG.log(Level.SEVERE, "task " + task.id() + " of type '" + task.type() + "' attempt " + task.attempt()
                    + " failed unexpectedly: " + outcome, error);
            escalations.fire(new TaskEscalated(task.id(), task.type(), task.group(), task.attempt(), described));
        } else {
            Level level = outcome == FailureOutcome.STALE_LEASE ? Level.WARNING : Level.INFO;
            LOG.log(level, () -> "task " + task.id() + " of type '" + task.type() + "' attempt " + task.attempt() + "/"
                    + task.maxAttempts() + " failed (" + kind + ": " + error + "): " + outcome);
        }
        return outcome;
    }

    private Instant retryAt(ClaimedTask task, ErrorClass kind, Throwable error, Instant now) {
        if (kind == ErrorClass.BUSINESS) {
            Instant wanted = businessRetryTime(error);
            return wanted.isBefore(now) ? now : wanted;
        }
        BreakerSettings breaker = directory.breakerOf(task.group());
        if (kind == ErrorClass.DATABASE && breaker != null) {
            return now.plus(breaker.openDelay());
        }
        return now.plus(backoff.delayAfter(types.policyOf(task.type(), task.group()).retry(), task.attempt()));
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
    public boolean recordCancelled(ClaimedTask task) {
        return store.markCancelled(task, clock.instant());
    }

    /** The error class, message and the top of the stack trace, cut to fit the column. */
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
        String full = text.toString();
        return full.length() <= MAX_ERROR_CHARS ? full : full.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }
}
