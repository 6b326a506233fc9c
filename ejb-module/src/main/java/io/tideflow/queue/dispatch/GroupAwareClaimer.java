package io.tideflow.queue.dispatch;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.store.groups.GroupRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A dispatch pass's claims, shared fairly between groups: every group with due tasks and room to start them takes
 * turns by weight ({@link GroupTurns}), whatever the priorities and backlogs of the others; priority and FIFO order
 * hold within each group. A restricted group claims its share within its limits (one short transaction per group that
 * has room and a due task, found for all of them by one read); the unrestricted groups claim theirs together in one
 * transaction; room left over goes to one claim across all unrestricted groups, highest priority first, which is also
 * how groups not known yet are found. While a single group has work, that last claim is all a pass does.
 *
 * <p>A group at its concurrency limit on this node costs no round trip, and one held back by its rate is not asked
 * again before its next token; a paused or limited group never holds back the others.
 */
public final class GroupAwareClaimer implements DispatchLoop.Claimer {

    /** Claims, and reads for them; each in its own transaction. */
    public interface Claims {
        /** Up to {@code limit} due tasks of any unrestricted group, highest priority first, then oldest. */
        List<LeasedTask> unrestricted(int limit);

        /** Up to the given number of due tasks from each of these unrestricted groups. */
        List<LeasedTask> fromGroups(Map<String, Integer> wantedByGroup);

        RestrictedGroupClaim.Result inGroup(String group, int wanted, int heldHere);

        /**
         * Which of these groups have a due PENDING task: one read without locks, so that a group with room but
         * nothing to run costs no claim transaction.
         */
        Set<String> withDueTasks(List<String> groups);

        /** The groups with a due PENDING task (a bounded read without locks). */
        List<String> groupsDue();
    }

    private final Claims claims;
    private final Supplier<List<GroupRow>> restrictedGroups;
    private final ToIntFunction<String> heldHere;
    private final ToIntFunction<String> weightOf;
    private final Clock clock;
    private final Map<String, Instant> heldBackUntil = new ConcurrentHashMap<>();
    private final GroupTurns turns = new GroupTurns();
    private final DueGroups dueGroups = new DueGroups();
    /** Set while every claim of a pass was taken by known groups: a group unknown to this node may be waiting. */
    private volatile boolean mayMissGroups;

    /**
     * @param restrictedGroups the groups with a row that restricts them, as last read
     * @param heldHere         tasks of a group this node holds now
     * @param weightOf         a group's share of the claims against the others' (1 unless configured)
     */
    public GroupAwareClaimer(
            Claims claims,
            Supplier<List<GroupRow>> restrictedGroups,
            ToIntFunction<String> heldHere,
            ToIntFunction<String> weightOf,
            Clock clock) {
        this.claims = claims;
        this.restrictedGroups = restrictedGroups;
        this.heldHere = heldHere;
        this.weightOf = weightOf;
        this.clock = clock;
    }

    /**
     * Tasks were just committed to {@code group}: it takes its turn from the next pass on.
     *
     * @return whether a pass now could start one of them: not while the group is paused or at its limit on this node.
     *     Such a pass would only read past the group's backlog (on Derby the claim across groups walks it), once per
     *     commit while tasks pour into a paused group; the group's resume, or a worker it frees, starts the next pass.
     */
    public boolean enqueuedIn(String group) {
        dueGroups.noted(group);
        for (GroupRow row : restrictedGroups.get()) {
            if (row.name().equals(group)) {
                return canStartHere(row);
            }
        }
        return true;
    }

    /** Not paused, and below its concurrency limit on this node if it has one. */
    private boolean canStartHere(GroupRow group) {
        return !group.paused()
                && (group.maxConcurrent() == null || heldHere.applyAsInt(group.name()) < group.maxConcurrent());
    }

    /**
     * Reads which groups have due tasks when the last passes may have missed some (every claim taken by known
     * groups); called by the dispatcher's poll rather than in a pass, so that this read never delays a claim.
     */
    public void lookForGroups() {
        if (mayMissGroups) {
            mayMissGroups = false;
            dueGroups.notedAll(claims.groupsDue());
        }
    }

    @Override
    public List<LeasedTask> claim(int limit) {
        Map<String, GroupRow> restricted = new HashMap<>();
        for (GroupRow row : restrictedGroups.get()) {
            restricted.put(row.name(), row);
        }
        Map<String, GroupRow> ready = readyRestricted(restricted.values(), clock.instant());
        List<String> unrestricted = dueGroups.sortedExcept(restricted.keySet());
        if (ready.isEmpty() && unrestricted.size() <= 1) {
            return claimAnywhere(limit);
        }
        TreeSet<String> contenders = new TreeSet<>(ready.keySet());
        contenders.addAll(unrestricted);
        Map<String, Integer> shares = turns.allot(List.copyOf(contenders), weightOf, limit);
        List<LeasedTask> claimed = new ArrayList<>();
        Map<String, Integer> unrestrictedShares = new TreeMap<>();
        shares.forEach((group, share) -> {
            GroupRow row = ready.get(group);
            if (row == null) {
                unrestrictedShares.put(group, share);
            } else {
                claimed.addAll(claimRestricted(row, share));
            }
        });
        if (!unrestrictedShares.isEmpty()) {
            claimed.addAll(claimUnrestricted(unrestrictedShares));
        }
        if (claimed.size() < limit) {
            claimed.addAll(claimAnywhere(limit - claimed.size()));
        } else {
            mayMissGroups = true;
        }
        return claimed;
    }

    /** The restricted groups that are not paused, have room on this node, are not held back and have a due task. */
    private Map<String, GroupRow> readyRestricted(Iterable<GroupRow> groups, Instant now) {
        Map<String, GroupRow> candidates = new TreeMap<>();
        for (GroupRow group : groups) {
            if (canStartHere(group) && !now.isBefore(heldBackUntil.getOrDefault(group.name(), Instant.MIN))) {
                candidates.put(group.name(), group);
            }
        }
        if (!candidates.isEmpty()) {
            candidates.keySet().retainAll(claims.withDueTasks(List.copyOf(candidates.keySet())));
        }
        return candidates;
    }

    private List<LeasedTask> claimRestricted(GroupRow group, int share) {
        int held = heldHere.applyAsInt(group.name());
        int room = group.maxConcurrent() == null ? share : Math.min(share, group.maxConcurrent() - held);
        if (room <= 0) {
            turns.drained(group.name());
            return List.of();
        }
        RestrictedGroupClaim.Result result = claims.inGroup(group.name(), room, held);
        if (result.retryAfter() == null) {
            heldBackUntil.remove(group.name());
        } else {
            heldBackUntil.put(group.name(), result.retryAfter());
        }
        if (result.claimed().size() < share) {
            turns.drained(group.name());
        }
        return result.claimed();
    }

    private List<LeasedTask> claimUnrestricted(Map<String, Integer> shares) {
        List<LeasedTask> claimed = claims.fromGroups(shares);
        Map<String, Integer> got = new HashMap<>();
        claimed.forEach(task -> got.merge(task.group(), 1, Integer::sum));
        shares.forEach((group, share) -> {
            if (got.getOrDefault(group, 0) < share) {
                turns.drained(group);
                dueGroups.drained(group);
            }
        });
        return claimed;
    }

    private List<LeasedTask> claimAnywhere(int limit) {
        List<LeasedTask> claimed = claims.unrestricted(limit);
        claimed.forEach(task -> dueGroups.noted(task.group()));
        // a claim that left room had every due task of the unrestricted groups within its reach
        mayMissGroups = claimed.size() == limit;
        return claimed;
    }
}
