package io.tideflow.queue.groups;

import io.tideflow.queue.config.ConfiguredGroup;
import io.tideflow.queue.model.GroupLimits;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupRow;
import io.tideflow.queue.store.groups.GroupStore;
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
    BreakerStore breakers;

    @Inject
    Clock clock;

    public List<GroupRow> all() {
        return groups.all();
    }

    /**
     * Applies the configured limits to every group whose limits no operator has set, lifts the limits of groups the
     * configuration no longer names (pauses stay: they are the operators'), and gives every group the circuit breaker
     * its configuration asks for (a new one starts CLOSED; one that exists keeps its state).
     */
    public void applyConfiguration(Map<String, ConfiguredGroup> configured) {
        long now = clock.millis();
        for (Map.Entry<String, ConfiguredGroup> group : configured.entrySet()) {
            groups.setLimits(group.getKey(), group.getValue().limits(), false, clock.instant());
            boolean breaker = group.getValue().breaker() != null;
            groups.setBreaker(group.getKey(), breaker, clock.instant());
            if (breaker) {
                breakers.createIfMissing(group.getKey(), now);
            }
        }
        for (GroupRow row : groups.all()) {
            ConfiguredGroup config = configured.get(row.name());
            if (!row.limitsFromApi() && config == null) {
                groups.setLimits(row.name(), GroupLimits.NONE, false, clock.instant());
            }
            if (row.breaker() && (config == null || config.breaker() == null)) {
                groups.setBreaker(row.name(), false, clock.instant());
                breakers.delete(row.name());
            }
        }
    }
}
