package io.tideflow.batch.chunk;

import java.util.HashMap;
import java.util.Map;

/**
 * How long a type and group wait for their next execution after executions that went wrong in a row. The launcher
 * keeps one for executions that read no task (a group whose breaker is open or whose limits are used up gives a claim
 * nothing: without a pause its executions would end empty and start again at every look, each one a job execution in
 * the repository and in {@code GET /batches}) and one for executions that failed (a job repository that refused a
 * write for a moment should cost seconds, a fault that stays no more than one execution per maximum wait). Each one in
 * a row doubles the wait, from {@code firstMillis} up to {@code maxMillis}; one that went right ends the waiting. One
 * launcher thread uses it: no locking.
 */
final class ExecutionBackoff {

    private final long firstMillis;
    private final long maxMillis;
    private final Map<String, Long> waitMillis = new HashMap<>();
    private final Map<String, Long> quietUntil = new HashMap<>();

    ExecutionBackoff(long firstMillis, long maxMillis) {
        this.firstMillis = firstMillis;
        this.maxMillis = maxMillis;
    }

    /**
     * Another execution of {@code typeAndGroup} in a row went wrong, ending at {@code now}.
     *
     * @return how long the next one waits, in milliseconds
     */
    long another(String typeAndGroup, long now) {
        long wait = waitMillis.getOrDefault(typeAndGroup, firstMillis);
        quietUntil.put(typeAndGroup, now + wait);
        waitMillis.put(typeAndGroup, Math.min(wait * 2, maxMillis));
        return wait;
    }

    /** An execution of {@code typeAndGroup} went right: the next one starts when there is work, and waits start over. */
    void reset(String typeAndGroup) {
        waitMillis.remove(typeAndGroup);
        quietUntil.remove(typeAndGroup);
    }

    /** Whether {@code typeAndGroup} waits at {@code now}: no execution is started for it then. */
    boolean waiting(String typeAndGroup, long now) {
        return quietUntil.getOrDefault(typeAndGroup, 0L) > now;
    }
}
