package io.tideflow.queue.core;

import io.tideflow.queue.store.ClaimedTask;
import io.tideflow.queue.store.FailureOutcome;
import io.tideflow.queue.store.TaskStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/** Records a failed attempt in its own transaction, after the attempt's transaction rolled back. */
@Stateless
public class FailureRecorder {

    private static final Logger LOG = Logger.getLogger(FailureRecorder.class.getName());
    private static final int MAX_ERROR_CHARS = 4000;

    @Inject
    TaskStore store;

    @Inject
    EngineSettings settings;

    @Inject
    Clock clock;

    private RetryBackoff backoff;

    @PostConstruct
    void init() {
        backoff = new RetryBackoff(settings.retryBaseDelay(), settings.retryMaxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public FailureOutcome record(ClaimedTask task, Throwable error) {
        Instant now = clock.instant();
        Instant retryAt = now.plus(backoff.delayAfter(task.attempt()));
        FailureOutcome outcome = store.recordFailure(task, describe(error), retryAt, now);
        LOG.info(() -> "task " + task.id() + " of type '" + task.type() + "' attempt " + task.attempt() + "/"
                + task.maxAttempts() + " failed (" + error + "): " + outcome);
        return outcome;
    }

    /** The error class, message and the top of the stack trace, cut to fit the column. */
    static String describe(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        String full = text.toString();
        return full.length() <= MAX_ERROR_CHARS ? full : full.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }
}
