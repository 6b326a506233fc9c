package io.tideflow.admin.rest;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Repeats an engine call that the database chose as the victim of a deadlock or a serialization conflict. The
 * resources call the engine outside any transaction of their own, so each call is one whole transaction that the
 * database rolled back completely: repeating it cannot write anything twice. Only calls that are safe to repeat go
 * through here (enqueue, requeue, cancel, group changes: each is conditional on the state it finds; and reads that
 * are polled while what they read changes).
 */
public final class DeadlockRetry {

    private static final Logger LOG = Logger.getLogger(DeadlockRetry.class.getName());

    /** How many times a call runs at most; a victim of every one of them reaches the client as a 503. */
    public static final int ATTEMPTS = 4;

    /** Derby's deadlock (it uses 40001 for both), PostgreSQL's serialization failure and deadlock. */
    private static final Set<String> VICTIM_STATES = Set.of("40001", "40P01");

    private DeadlockRetry() {}

    public static <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isVictim(e)) {
                    throw e;
                }
                LOG.log(Level.FINE, "chosen as a deadlock victim, attempt {0} of {1}; trying again", new Object[] {
                    attempt, ATTEMPTS
                });
                pause(attempt);
            }
        }
    }

    /** Whether the failure is the database ending this transaction to break a deadlock or a conflict. */
    public static boolean isVictim(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && VICTIM_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** 10, 40, 160 ms with jitter: the competing transaction finishes meanwhile, and two victims do not meet again. */
    private static void pause(int attempt) {
        long base = 10L << (2 * (attempt - 1));
        try {
            TimeUnit.MILLISECONDS.sleep(base + ThreadLocalRandom.current().nextLong(base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try again", e);
        }
    }
}
