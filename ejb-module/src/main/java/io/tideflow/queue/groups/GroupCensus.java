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
 * while fewer than {@code tideflow.groups.max} groups hold tasks. Groups this node has seen hold tasks cost nothing;
 * the groups of a request new to it cost one read together (an index on Derby; on PostgreSQL, whose indexes by group
 * hold live tasks only, a scan of {@code tasks}), and groups new to the database a count of the groups, reused for a
 * second. Nodes count apart, so concurrent submissions on several nodes can pass the cap by what they admit within
 * that second: the cap bounds growth, it is no exact quota.
 */
@ApplicationScoped
public class GroupCensus {

    private static final Duration COUNT_REUSED_FOR = Duration.ofSeconds(1);

    @Inject
    ConfiguredGroups configured;

    @Inject
    TaskStore store;

    @Inject
    Clock clock;

    private final Set<String> holdingTasks = ConcurrentHashMap.newKeySet();
    private long counted;
    private Instant countedAt = Instant.MIN;

    /**
     * Admits the groups, in the caller's transaction, or says why the first one beyond the cap is refused.
     *
     * @return the problem with the refused group, or empty when every group is admitted
     */
    public synchronized Optional<Refusal> admit(Collection<String> groups) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String group : groups) {
            if (configured.get(group) == null && !holdingTasks.contains(group)) {
                unknown.add(group);
            }
        }
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        Set<String> holding = store.groupsHoldingTasksAmong(List.copyOf(unknown));
        holdingTasks.addAll(holding);
        List<String> fresh =
                unknown.stream().filter(group -> !holding.contains(group)).toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(countedAt.plus(COUNT_REUSED_FOR))) {
            counted = store.countGroups();
            countedAt = now;
        }
        long room = configured.maxGroups() - counted;
        if (fresh.size() > room) {
            return Optional.of(new Refusal(
                    fresh.get((int) Math.max(0, room)),
                    "is a group the configuration does not define, and " + counted
                            + " groups hold tasks already: tideflow.groups.max allows " + configured.maxGroups()
                            + "; use an existing group or define this one (tideflow.group.\"<name>\".*)"));
        }
        counted += fresh.size();
        holdingTasks.addAll(fresh);
        return Optional.empty();
    }

    /** A group refused, and why. */
    public record Refusal(String group, String problem) {}
}
