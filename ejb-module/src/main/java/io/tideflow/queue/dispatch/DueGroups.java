package io.tideflow.queue.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The groups this node believes have due tasks: learnt from its own enqueues, from the tasks its claims return and from
 * an occasional read of the database, and forgotten when a claim finds one of them empty. A group believed busy that
 * is not costs one empty claim; one not yet known is taken by the claim across all groups whenever the known ones leave
 * room, and found by the next look otherwise.
 */
final class DueGroups {

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    void noted(String group) {
        known.add(group);
    }

    void notedAll(Collection<String> groups) {
        known.addAll(groups);
    }

    void drained(String group) {
        known.remove(group);
    }

    /** The known groups but {@code excluded}, sorted by name. */
    List<String> sortedExcept(Set<String> excluded) {
        return known.stream()
                .filter(group -> !excluded.contains(group))
                .sorted()
                .toList();
    }
}
