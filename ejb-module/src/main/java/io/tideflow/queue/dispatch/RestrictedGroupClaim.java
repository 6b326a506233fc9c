package io.tideflow.queue.dispatch;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.event.BreakerStateChanged;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.groups.TokenBucket;
import io.tideflow.queue.model.Breaker;
import io.tideflow.queue.model.BreakerSettings;
import io.tideflow.queue.store.TaskStore;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupRow;
import io.tideflow.queue.store.groups.GroupStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One claim from one restricted group, in the caller's transaction: with the group's row locked (so that the claims of
 * all nodes for this group take turns), it takes no more than the group's node limit, cluster limit, rate token
 * bucket and circuit breaker allow, spends the tokens it used and counts the probes it let through.
 */
public final class RestrictedGroupClaim {

    /**
     * What the claim took, and when the group may be worth asking again.
     *
     * @param retryAfter    set when the rate held the claim back: no token before then
     * @param breakerChange the change this claim made to the group's breaker (OPEN to HALF_OPEN), or null
     */
    public record Result(List<LeasedTask> claimed, Instant retryAfter, BreakerStateChanged breakerChange) {

        private static final Result NO_GROUP_ROW = new Result(List.of(), null, null);

        Result(List<LeasedTask> claimed, Instant retryAfter) {
            this(claimed, retryAfter, null);
        }

        /** Whether the group has no row in resource_groups: nothing restricts it, the plain claim takes its tasks. */
        public boolean groupHasNoRow() {
            return this == NO_GROUP_ROW;
        }
    }

    private static final Duration CLUSTER_FULL_RECHECK = Duration.ofMillis(250);

    private RestrictedGroupClaim() {}

    /**
     * @param wanted    how many the caller's workers can take
     * @param heldHere  tasks of the group this node holds now (claimed, running or waiting for a worker)
     * @param types     the task types this node runs: the only ones it claims
     * @param breakerSettings the group's breaker settings in this node's configuration, or {@code null}
     */
    public static Result claim(
            TaskStore tasks,
            GroupStore groups,
            BreakerStore breakers,
            String group,
            Collection<String> types,
            int wanted,
            int heldHere,
            BreakerSettings breakerSettings,
            Instant now,
            Duration lease) {
        return claim(
                tasks,
                groups,
                breakers,
                new Target(group, types, wanted, heldHere),
                breakerSettings,
                Clock.fixed(now, ZoneOffset.UTC),
                lease);
    }

    /**
     * What one claim is for.
     *
     * @param types    the task types to take, or {@code null} for any
     * @param wanted   how many the caller's workers can take
     * @param heldHere tasks of the group this node holds now (claimed, running or waiting for a worker)
     */
    public record Target(String group, Collection<String> types, int wanted, int heldHere) {}

    /**
     * Like the other, for the task types {@code target} names, at the time {@code clock} tells once the group's row is
     * locked and its running tasks counted: a claim that waited there for another node's claim, or found room that a
     * completion had just made, is stamped after them, so that a group's history never shows a run starting before
     * the one it waited for ended.
     */
    public static Result claim(
            TaskStore tasks,
            GroupStore groups,
            BreakerStore breakers,
            Target target,
            BreakerSettings breakerSettings,
            Clock clock,
            Duration lease) {
        String group = target.group();
        int wanted = target.wanted();
        int heldHere = target.heldHere();
        Optional<GroupRow> locked = groups.lockForClaim(group);
        if (locked.isEmpty()) {
            // restrictions lifted meanwhile: the unrestricted claim takes its tasks from now on
            return Result.NO_GROUP_ROW;
        }
        GroupRow row = locked.get();
        if (row.paused()) {
            return new Result(List.of(), null);
        }
        int room = row.maxConcurrent() == null ? wanted : Math.min(wanted, row.maxConcurrent() - heldHere);
        int runningInCluster = room > 0 && row.maxConcurrentCluster() != null ? groups.runningIn(group) : 0;
        Instant now = clock.instant();
        Breaker breakerRead = null;
        Breaker breaker = null;
        BreakerStateChanged change = null;
        if (row.breaker() && breakerSettings != null) {
            Optional<Breaker> lockedBreaker = breakers.lock(group);
            if (lockedBreaker.isPresent()) {
                breakerRead = lockedBreaker.get();
                breaker = breakerRead.beforeClaim(now.toEpochMilli());
                if (breaker.state() != breakerRead.state()) {
                    change = new BreakerStateChanged(group, breakerRead.state(), breaker.state(), now);
                }
                room = Math.min(room, breaker.claimRoom(breakerSettings));
            }
        }
        boolean fullInCluster = false;
        if (room > 0 && row.maxConcurrentCluster() != null) {
            int clusterRoom = row.maxConcurrentCluster() - runningInCluster;
            fullInCluster = clusterRoom <= 0;
            room = Math.min(room, clusterRoom);
        }
        TokenBucket bucket =
                row.ratePermits() == null ? null : new TokenBucket(row.ratePermits(), row.ratePeriodMillis());
        double tokens = bucket == null ? 0 : bucket.refill(row.rateTokens(), row.rateRefilledAt(), now.toEpochMilli());
        boolean heldByRate = false;
        if (bucket != null && room > (int) Math.floor(tokens)) {
            room = (int) Math.floor(tokens);
            heldByRate = true;
        }
        List<LeasedTask> claimed =
                room <= 0 ? List.of() : tasks.claimDueInGroup(group, target.types(), room, now, lease);
        if (breakerRead != null) {
            breakers.replace(breakerRead, breaker.claimed(claimed.size(), now.toEpochMilli()));
            if (breaker.state() == BreakerState.OPEN) {
                // no claim of this group before the breaker may let probes through; asked again at least every second
                // so that an operator's close on another node is seen soon
                return new Result(
                        claimed,
                        Instant.ofEpochMilli(Math.min(
                                breaker.nextAttemptAt(), now.plusSeconds(1).toEpochMilli())),
                        change);
            }
        }
        if (bucket != null) {
            double left = tokens - claimed.size();
            groups.spendTokens(group, left, now);
            if (heldByRate) {
                return new Result(claimed, now.plusMillis(bucket.millisUntilNextToken(left)), change);
            }
        }
        // full with none of it here: only other nodes free room, without telling this one, so look again soon rather
        // than on every pass; with some of it here, this node's own completions wake the next look
        return new Result(claimed, fullInCluster && heldHere == 0 ? now.plus(CLUSTER_FULL_RECHECK) : null, change);
    }
}
