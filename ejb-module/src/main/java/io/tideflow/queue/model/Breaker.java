package io.tideflow.queue.model;

import io.tideflow.queue.api.BreakerState;

/**
 * A group's circuit breaker as stored in {@code circuit_breaker_state}, and its transitions. Every transition is a
 * pure function of the breaker, the outcomes and the time, so the store can apply it as a conditional update on the
 * version it read and try again when another node changed the breaker first.
 *
 * <p>The rolling window is a sliding window counter: the counts of the current window and of the one before, the
 * latter weighted by how much of it still overlaps the last {@code window}.
 *
 * @param failureCount     failures counted in the current window
 * @param lastFailureAt    epoch milliseconds of the last failure, 0 for none
 * @param nextAttemptAt    while OPEN: when probes may start (epoch milliseconds); {@link Long#MAX_VALUE} when forced
 * @param probesStarted    while HALF_OPEN: probes claimed so far
 * @param probeSuccesses   while HALF_OPEN: probes that succeeded
 */
public record Breaker(
        String group,
        BreakerState state,
        int calls,
        int failureCount,
        long windowStartedAt,
        int previousCalls,
        int previousFailures,
        long lastFailureAt,
        long nextAttemptAt,
        int probesStarted,
        int probeSuccesses,
        long version,
        long updatedAt) {

    /** A new breaker: CLOSED, nothing counted. */
    public static Breaker closed(String group, long now) {
        return new Breaker(group, BreakerState.CLOSED, 0, 0, now, 0, 0, 0, 0, 0, 0, 0, now);
    }

    /** OPEN → HALF_OPEN once the delay has passed; anything else stays as it is. */
    public Breaker beforeClaim(long now) {
        if (state == BreakerState.OPEN && now >= nextAttemptAt) {
            return next(
                    BreakerState.HALF_OPEN,
                    calls,
                    failureCount,
                    windowStartedAt,
                    previousCalls,
                    previousFailures,
                    nextAttemptAt,
                    0,
                    0,
                    now);
        }
        return this;
    }

    /** How many tasks of the group may be claimed now as far as the breaker is concerned. */
    public int claimRoom(BreakerSettings settings) {
        return switch (state) {
            case CLOSED -> Integer.MAX_VALUE;
            case OPEN -> 0;
            case HALF_OPEN -> Math.max(0, settings.probes() - probesStarted);
        };
    }

    /** Records that {@code claimed} tasks were let through (as probes while HALF_OPEN). */
    public Breaker claimed(int claimed, long now) {
        if (state != BreakerState.HALF_OPEN || claimed == 0) {
            return this;
        }
        return next(
                state,
                calls,
                failureCount,
                windowStartedAt,
                previousCalls,
                previousFailures,
                nextAttemptAt,
                probesStarted + claimed,
                probeSuccesses,
                now);
    }

    /**
     * Applies attempts that ended: CLOSED counts them and opens when the window's failure ratio reaches the
     * threshold; HALF_OPEN closes when every probe succeeded and reopens on any failure; OPEN only notes the time
     * of a failure (late outcomes of tasks that were running when it opened).
     */
    public Breaker withOutcomes(int successes, int failures, long now, BreakerSettings settings) {
        long lastFailure = failures > 0 ? now : lastFailureAt;
        switch (state) {
            case OPEN:
                return failures == 0
                        ? this
                        : new Breaker(
                                group,
                                state,
                                calls,
                                failureCount,
                                windowStartedAt,
                                previousCalls,
                                previousFailures,
                                lastFailure,
                                nextAttemptAt,
                                probesStarted,
                                probeSuccesses,
                                version + 1,
                                now);
            case HALF_OPEN:
                if (failures > 0) {
                    return opened(now, lastFailure, settings);
                }
                if (probeSuccesses + successes >= settings.probes()) {
                    return new Breaker(
                            group, BreakerState.CLOSED, 0, 0, now, 0, 0, lastFailure, 0, 0, 0, version + 1, now);
                }
                return new Breaker(
                        group,
                        state,
                        calls,
                        failureCount,
                        windowStartedAt,
                        previousCalls,
                        previousFailures,
                        lastFailure,
                        nextAttemptAt,
                        probesStarted,
                        probeSuccesses + successes,
                        version + 1,
                        now);
            default:
                Breaker rolled = rolled(now, settings);
                Breaker counted = new Breaker(
                        group,
                        state,
                        rolled.calls + successes + failures,
                        rolled.failureCount + failures,
                        rolled.windowStartedAt,
                        rolled.previousCalls,
                        rolled.previousFailures,
                        lastFailure,
                        0,
                        0,
                        0,
                        version + 1,
                        now);
                return failures > 0 && counted.tripped(now, settings)
                        ? counted.opened(now, lastFailure, settings)
                        : counted;
        }
    }

    /** Opened by an operator: stays OPEN until closed or reset. */
    public Breaker forcedOpen(long now) {
        return next(
                BreakerState.OPEN,
                calls,
                failureCount,
                windowStartedAt,
                previousCalls,
                previousFailures,
                Long.MAX_VALUE,
                0,
                0,
                now);
    }

    /** Closed by an operator, keeping the window's counts (failures may open it again soon). */
    public Breaker forcedClosed(long now) {
        return next(
                BreakerState.CLOSED,
                calls,
                failureCount,
                windowStartedAt,
                previousCalls,
                previousFailures,
                0,
                0,
                0,
                now);
    }

    /** Closed by an operator with everything counted forgotten. */
    public Breaker reset(long now) {
        return new Breaker(group, BreakerState.CLOSED, 0, 0, now, 0, 0, 0, 0, 0, 0, version + 1, now);
    }

    /** The rolling window's failure ratio at {@code now}, and whether it has enough calls to count. */
    boolean tripped(long now, BreakerSettings settings) {
        double overlap = previousWeight(now, settings);
        double weightedCalls = calls + previousCalls * overlap;
        double weightedFailures = failureCount + previousFailures * overlap;
        return weightedCalls >= settings.minimumCalls() && weightedFailures / weightedCalls >= settings.failureRatio();
    }

    private double previousWeight(long now, BreakerSettings settings) {
        long window = settings.window().toMillis();
        return Math.max(0.0, 1.0 - (double) (now - windowStartedAt) / window);
    }

    private Breaker rolled(long now, BreakerSettings settings) {
        long window = settings.window().toMillis();
        long elapsed = now - windowStartedAt;
        if (elapsed < window) {
            return this;
        }
        if (elapsed < 2 * window) {
            return new Breaker(
                    group,
                    state,
                    0,
                    0,
                    windowStartedAt + window,
                    calls,
                    failureCount,
                    lastFailureAt,
                    nextAttemptAt,
                    probesStarted,
                    probeSuccesses,
                    version,
                    updatedAt);
        }
        return new Breaker(
                group,
                state,
                0,
                0,
                now,
                0,
                0,
                lastFailureAt,
                nextAttemptAt,
                probesStarted,
                probeSuccesses,
                version,
                updatedAt);
    }

    private Breaker opened(long now, long lastFailure, BreakerSettings settings) {
        return new Breaker(
                group,
                BreakerState.OPEN,
                0,
                0,
                now,
                0,
                0,
                lastFailure,
                now + settings.openDelay().toMillis(),
                0,
                0,
                version + 1,
                now);
    }

    private Breaker next(
            BreakerState to,
            int calls,
            int failures,
            long windowStart,
            int prevCalls,
            int prevFailures,
            long nextAttempt,
            int probes,
            int successes,
            long now) {
        return new Breaker(
                group,
                to,
                calls,
                failures,
                windowStart,
                prevCalls,
                prevFailures,
                lastFailureAt,
                nextAttempt,
                probes,
                successes,
                version + 1,
                now);
    }
}
