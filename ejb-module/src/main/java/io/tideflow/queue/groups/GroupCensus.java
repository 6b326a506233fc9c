package io.tideflow.queue.groups;

import io.tideflow.queue.config.ConfiguredGroups;
import io.tideflow.queue.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps clients from minting groups without bound: a task may name a group the configuration does not define only
 * while fewer than {@code tideflow.groups.max} groups hold tasks.
 *
 * <p>The node keeps a census, the groups that hold tasks as one read of {@code tasks} found them, plus those it admitted
 * since. A group in it, or a configured one, costs nothing and waits for no lock. A group new to the census is admitted
 * while the census has room, without a read; the census is taken again when a new group arrives and it is older than
 * a minute, and before a group is refused when it is older than a second, so a refusal counts what the database holds.
 * The read names no group: on PostgreSQL, whose indexes by group hold live tasks only, any read of the groups of
 * finished tasks is a scan of {@code tasks}, and it was one per group new to the node, inside this lock.
 *
 * <p>Nodes count apart, so concurrent submissions on several nodes can pass the cap by what they admit between their
 * censuses: the cap bounds growth, it is no exact quota.
 */
@ApplicationScoped
public class GroupCensus {

    static final Duration RETAKEN_FOR_NEW_GROUPS_AFTER = Duration.ofMinutes(1);
    static final Duration RETAKEN_BEFORE_A_REFUSAL_AFTER = Duration.ofSeconds(1);

    @Inject
    ConfiguredGroups configured;

    @Inject
    TaskStore store;

    @Inject
    Clock clock;

    private final Set<String> holdingTasks = ConcurrentHashMap.newKeySet();
    private Instant takenAt;

    /**
     * Admits the groups, in the caller's transaction, or says why the first one beyond the cap is refused.
     *
     * @return the problem with the refused group, or empty when every group is admitted
     */
    public Optional<Refusal> admit(Collection<String> groups) {
        Set<String> unknown = unknownAmong(groups);
        return unknown.isEmpty() ? Optional.empty() : admitUnknown(unknown);
    }

    private Set<String> unknownAmong(Collection<String> groups) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String group : groups) {
            if (configured.get(group) == null && !holdingTasks.contains(group)) {
                unknown.add(group);
            }
        }
        return unknown;
    }

    private synchronized Optional<Refusal> admitUnknown(Set<String> candidates) {
        Instant now = clock.instant();
        if (olderThan(RETAKEN_FOR_NEW_GROUPS_AFTER, now)) {
            take(now);
        }
        List<String> fresh = List.copyOf(unknownAmong(candidates));
        if (fresh.size() > room() && olderThan(RETAKEN_BEFORE_A_REFUSAL_AFTER, now)) {
            take(now);
            fresh = List.copyOf(unknownAmong(candidates));
        }
        long room = room();
        if (fresh.size() > room) {
            return Optional.of(new Refusal(
                    fresh.get((int) Math.max(0, room)),
                    "is a group the configuration does not define, and " + holdingTasks.size()
                            + " groups hold tasks already: tideflow.groups.max allows " + configured.maxGroups()
                            + "; use an existing group or define this one (tideflow.group.\"<name>\".*)"));
        }
        holdingTasks.addAll(fresh);
        return Optional.empty();
    }

    /**
     * Takes the census, in the caller's transaction, unless a submission has taken it already: at a node's start, so
     * that the first group new to the node after a restart is admitted from it instead of waiting, with every other
     * submission naming a new group, for a read of the groups of all tasks.
     */
    public synchronized void takeUnlessTaken() {
        if (takenAt == null) {
            take(clock.instant());
        }
    }

    private boolean olderThan(Duration age, Instant now) {
        return takenAt == null || now.isAfter(takenAt.plus(age));
    }

    private long room() {
        return configured.maxGroups() - holdingTasks.size();
    }

    /**
     * Replaces the census with what the database holds. A group admitted here whose tasks have not committed yet, or
     * never will, drops out and is counted again when it comes back.
     */
    private void take(Instant now) {
        Set<String> holding = store.groupsHoldingTasks();
        holdingTasks.retainAll(holding);
        holdingTasks.addAll(holding);
        takenAt = now;
    }

    /** A group refused, and why. */
    public record Refusal(String group, String problem) {}
}
