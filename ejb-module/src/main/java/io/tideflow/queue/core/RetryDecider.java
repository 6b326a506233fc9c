package io.tideflow.queue.core;

import io.tideflow.queue.api.PermanentFailure;
import io.tideflow.queue.api.PermanentTaskFailure;

/** Decides, after a failed attempt, whether the task is tried again. */
public final class RetryDecider {

    private static final int MAX_CAUSES = 20;

    private RetryDecider() {
    }

    public static RetryDecision decide(int attempt, int maxAttempts, Throwable error) {
        if (isPermanent(error)) {
            return RetryDecision.DEAD_LETTER;
        }
        return attempt >= maxAttempts ? RetryDecision.DEAD_LETTER : RetryDecision.RETRY;
    }

    /** A {@link PermanentTaskFailure}, or an exception whose type carries {@link PermanentFailure}, anywhere in the causes. */
    public static boolean isPermanent(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof PermanentTaskFailure || cause.getClass().isAnnotationPresent(PermanentFailure.class)) {
                return true;
            }
        }
        return false;
    }
}
