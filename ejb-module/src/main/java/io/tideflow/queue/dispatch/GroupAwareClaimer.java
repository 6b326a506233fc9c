package io.tideflow.queue.dispatch;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.store.groups.GroupRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A dispatch pass's claims: first each restricted group within its limits (one short transaction per group that has
 * room and a due task, found for all of them by one read), then the unrestricted groups together for what room is
 * left. A group at its concurrency limit on this node
 * costs no round trip, and one held back by its rate is not asked again before its next token; a paused or limited
 * group never holds back the others, whose tasks the unrestricted claim takes without looking at it.
 */
public final class GroupAwareClaimer implements DispatchLoop.Claimer {

    /** The two kinds of claim transaction. */
    public interface Claims {
        List<LeasedTask> unrestricted(int limit);

        RestrictedGroupClaim.Result inGroup(String group, int wanted, int heldHere);

        /**
         * Which of these groups have a due PENDING task: one read without locks, so that a group with room but
         * nothing to run costs no claim transaction. By default every group is taken to have some.
         */
        default Set<String> withDueTasks(List<String> groups) {
            return Set.copyOf(groups);
        }
    }

    private final Claims claims;
    private final Supplier<List<GroupRow>> restrictedGroups;
    private final ToIntFunction<String> heldHere;
    private final Clock clock;
    private final Map<String, Instant> heldBackUntil = new ConcurrentHashMap<>();

    /**
     * @param restrictedGroups the groups with a row that restricts them, as last read
     * @param heldHere         tasks of a group this node holds now
     */
    public GroupAwareClaimer(
            Claims claims, Supplier<List<GroupRow>> restrictedGroups, ToIntFunction<String> heldHere, Clock clock) {
        this.claims = claims;
        this.restrictedGroups = restrictedGroups;
        this.heldHere = heldHere;
        this.clock = clock;
    }

    @Override
    public List<LeasedTask> claim(int limit) {
        Instant now = clock.instant();
        List<LeasedTask> claimed = new ArrayList<>();
        List<GroupRow> candidates = new ArrayList<>();
        for (GroupRow group : restrictedGroups.get()) {
            boolean full = group.maxConcurrent() != null && heldHere.applyAsInt(group.name()) >= group.maxConcurrent();
            if (!group.paused() && !full && !now.isBefore(heldBackUntil.getOrDefault(group.name(), Instant.MIN))) {
                candidates.add(group);
            }
        }
        Set<String> due = candidates.isEmpty()
                ? Set.of()
                : claims.withDueTasks(candidates.stream().map(GroupRow::name).toList());
        for (GroupRow group : candidates) {
            if (!due.contains(group.name())) {
                continue;
            }
            int held = heldHere.applyAsInt(group.name());
            int room = limit - claimed.size();
            if (group.maxConcurrent() != null) {
                room = Math.min(room, group.maxConcurrent() - held);
            }
            if (room <= 0) {
                continue;
            }
            RestrictedGroupClaim.Result result = claims.inGroup(group.name(), room, held);
            claimed.addAll(result.claimed());
            if (result.retryAfter() == null) {
                heldBackUntil.remove(group.name());
            } else {
                heldBackUntil.put(group.name(), result.retryAfter());
            }
        }
        if (claimed.size() < limit) {
            claimed.addAll(claims.unrestricted(limit - claimed.size()));
        }
        return claimed;
    }
}
