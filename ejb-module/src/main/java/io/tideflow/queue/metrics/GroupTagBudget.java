package io.tideflow.queue.metrics;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds how many group names the meters carry: every group name a meter is tagged with is a time series for ever,
 * and group names come from clients (a batch of 10,000 tasks in 10,000 new groups would otherwise add tens of
 * thousands of series to {@code /prometheus}). The configured groups always have their own series; other groups get
 * theirs until {@code tideflow.metrics.max-groups} names are taken, and share the group {@value #OTHER} after that.
 */
public final class GroupTagBudget {

    /** The group tag of the groups beyond the budget: not a valid group name, so no group is mistaken for it. */
    public static final String OTHER = "(other)";

    private final int max;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    public GroupTagBudget(int max, Collection<String> configured) {
        this.max = max;
        admitted.addAll(configured);
    }

    /** The group's own name while it has (or can get) series of its own, else {@value #OTHER}. */
    public String tagOf(String group) {
        if (admitted.contains(group)) {
            return group;
        }
        synchronized (this) {
            if (admitted.size() < max) {
                admitted.add(group);
                return group;
            }
        }
        return OTHER;
    }

    /** Whether the group has series of its own, taking a place in the budget for it if one is free. */
    public boolean hasOwnSeries(String group) {
        return !tagOf(group).equals(OTHER);
    }

    /** Whether the group has series of its own already; takes no place. */
    public boolean admitted(String group) {
        return admitted.contains(group);
    }
}
