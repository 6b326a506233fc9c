package io.tideflow.queue.core;

import io.tideflow.queue.store.ClaimedTask;
import io.tideflow.queue.store.FailureOutcome;
import io.tideflow.queue.store.TaskStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    private final RetryBackoff backoff = new RetryBackoff(() -> ThreadLocalRandom.current().nextDouble());

    /** RUNNING → FAILED, and on to DEAD_LETTER when attempts are spent or the failure is permanent. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public FailureOutcome record(ClaimedTask task, Throwable error) {
        Instant now = clock.instant();
        RetryDecision decision = RetryDecider.decide(task.attempt(), task.maxAttempts(), error);
        Instant retryAt = now.plus(backoff.delayAfter(types.policyOf(task.type()).retry(), task.attempt()));
        FailureOutcome outcome = store.recordFailure(task, describe(error), decision, retryAt, now);
        Level level = outcome == FailureOutcome.STALE_LEASE ? Level.WARNING : Level.INFO;
        LOG.log(level, () -> "task " + task.id() + " of type '" + task.type() + "' attempt " + task.attempt() + "/"
                + task.maxAttempts() + " failed (" + error + "): " + outcome);
        return outcome;
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
