package io.tideflow.batch.chunk;

import java.util.HashMap;
import java.util.Map;

/**
 * How long a type and group wait for their next execution after executions that read no task. The launcher starts one
 * where the database holds due tasks, but a group whose breaker is open or whose limits are used up gives a claim
 * nothing: without a pause its executions would end empty and start again at every look, each one a job execution in
 * the repository and in {@code GET /batches}. Each empty execution in a row doubles the wait, from
 * {@code firstMillis} up to {@code maxMillis}; one that read a task ends the waiting. One launcher thread uses it: no
 * locking.
 */
final class EmptyExecutionBackoff {

    private final long firstMillis;
    private final long maxMillis;
    private final Map<String, Long> waitMillis = new HashMap<>();
    private final Map<String, Long> quietUntil = new HashMap<>();

    EmptyExecutionBackoff(long firstMillis, long maxMillis) {
        this.firstMillis = firstMillis;
        this.maxMillis = maxMillis;
    }

    /** An execution of {@code typeAndGroup} ended at {@code now}, having read {@code tasksRead} tasks. */
    void ended(String typeAndGroup, long tasksRead, long now) {
        if (tasksRead > 0) {
            waitMillis.remove(typeAndGroup);
            quietUntil.remove(typeAndGroup);
            return;
        }
        long wait = waitMillis.getOrDefault(typeAndGroup, firstMillis);
        quietUntil.put(typeAndGroup, now + wait);
        waitMillis.put(typeAndGroup, Math.min(wait * 2, maxMillis));
    }

    /** Whether {@code typeAndGroup} waits at {@code now}: no execution is started for it then. */
    boolean waiting(String typeAndGroup, long now) {
        return quietUntil.getOrDefault(typeAndGroup, 0L) > now;
    }
}
