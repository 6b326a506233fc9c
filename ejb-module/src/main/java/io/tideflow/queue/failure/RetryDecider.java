package io.tideflow.queue.failure;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.model.RetryDecision;

/** Decides, after a failed attempt, whether the task is tried again. */
public final class RetryDecider {

    private RetryDecider() {}

    /** DEAD_LETTER for a validation failure or when no attempt is left; RETRY otherwise. */
    public static RetryDecision decide(int attempt, int maxAttempts, ErrorClass kind) {
        return kind == ErrorClass.VALIDATION || attempt >= maxAttempts
                ? RetryDecision.DEAD_LETTER
                : RetryDecision.RETRY;
    }

    public static RetryDecision decide(int attempt, int maxAttempts, Throwable error) {
        return decide(attempt, maxAttempts, ErrorClassifier.classify(error));
    }
}
