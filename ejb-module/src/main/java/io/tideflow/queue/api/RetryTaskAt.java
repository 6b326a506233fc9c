package io.tideflow.queue.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A handler's business decision to try the task again at a time of its choosing (a quota that resets at midnight, a
 * partner that asked to be called back later). The attempt counts; when none is left the task goes to DEAD_LETTER.
 * It does not count against the group's circuit breaker. To give up at once, throw {@link PermanentTaskFailure}.
 */
public class RetryTaskAt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Instant at;

    public RetryTaskAt(Instant at, String reason) {
        super(reason);
        this.at = at;
    }

    public static RetryTaskAt after(Duration delay, String reason) {
        return new RetryTaskAt(Instant.now().plus(delay), reason);
    }

    public Instant at() {
        return at;
    }
}
