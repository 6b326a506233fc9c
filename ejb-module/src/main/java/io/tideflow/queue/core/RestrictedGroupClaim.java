package io.tideflow.queue.core;

import io.tideflow.queue.store.ClaimedTask;
import io.tideflow.queue.store.GroupRow;
import io.tideflow.queue.store.GroupStore;
import io.tideflow.queue.store.TaskStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One claim from one restricted group, in the caller's transaction: with the group's row locked (so that the claims of
 * all nodes for this group take turns), it takes no more than the group's node limit, cluster limit and rate token
 * bucket allow, and spends the tokens it used.
 */
public final class RestrictedGroupClaim {

    /**
     * What the claim took, and when the group may be worth asking again.
     *
     * @param retryAfter set when the rate held the claim back: no token before then
     */
    public record Result(List<ClaimedTask> claimed, Instant retryAfter) {
    }

    private RestrictedGroupClaim() {
    }

    /**
     * @param wanted    how many the caller's workers can take
     * @param heldHere  tasks of the group this node holds now (claimed, running or waiting for a worker)
     */
    public static Result claim(TaskStore tasks, GroupStore groups, String group, int wanted, int heldHere,
                               Instant now, Duration lease) {
        Optional<GroupRow> locked = groups.lockForClaim(group);
        if (locked.isEmpty()) {
            // restrictions lifted meanwhile: the unrestricted claim takes its tasks from now on
            return new Result(List.of(), null);
        }
        GroupRow row = locked.get();
        if (row.paused()) {
            return new Result(List.of(), null);
        }
        int room = wanted;
        if (row.maxConcurrent() != null) {
            room = Math.min(room, row.maxConcurrent() - heldHere);
        }
        if (room > 0 && row.maxConcurrentCluster() != null) {
            room = Math.min(room, row.maxConcurrentCluster() - groups.runningIn(group));
        }
        TokenBucket bucket = row.ratePermits() == null ? null : new TokenBucket(row.ratePermits(),
                row.ratePeriodMillis());
        double tokens = bucket == null ? 0 : bucket.refill(row.rateTokens(), row.rateRefilledAt(), now.toEpochMilli());
        boolean heldByRate = false;
        if (bucket != null && room > (int) Math.floor(tokens)) {
            room = (int) Math.floor(tokens);
            heldByRate = true;
        }
        List<ClaimedTask> claimed = room <= 0 ? List.of() : tasks.claimDueInGroup(group, room, now, lease);
        if (bucket != null) {
            double left = tokens - claimed.size();
            groups.spendTokens(group, left, now);
            if (heldByRate) {
                return new Result(claimed, now.plusMillis(bucket.millisUntilNextToken(left)));
            }
        }
        return new Result(claimed, null);
    }
}
