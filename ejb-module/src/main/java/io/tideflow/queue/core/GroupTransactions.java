package io.tideflow.queue.core;

import io.tideflow.queue.store.GroupLimits;
import io.tideflow.queue.store.GroupRow;
import io.tideflow.queue.store.GroupStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Short transactions on {@code resource_groups}: reading them for the directory, applying the configuration. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class GroupTransactions {

    @Inject
    GroupStore groups;

    @Inject
    Clock clock;

    public List<GroupRow> all() {
        return groups.all();
    }

    /**
     * Applies the configured limits to every group whose limits no operator has set, and lifts the limits of groups
     * the configuration no longer names (pauses stay: they are the operators').
     */
    public void applyConfiguration(Map<String, GroupLimits> configured) {
        for (Map.Entry<String, GroupLimits> group : configured.entrySet()) {
            groups.setLimits(group.getKey(), group.getValue(), false, clock.instant());
        }
        for (GroupRow row : groups.all()) {
            if (!row.limitsFromApi() && !configured.containsKey(row.name())) {
                groups.setLimits(row.name(), GroupLimits.NONE, false, clock.instant());
            }
        }
    }
}
