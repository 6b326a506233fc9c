package io.tideflow.queue.groups;

import io.tideflow.queue.config.ConfiguredGroup;
import io.tideflow.queue.model.BreakerSettings;
import io.tideflow.queue.store.groups.GroupRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * This node's copy of the restricted groups, refreshed by the dispatcher's poll and after an operator's change, and of
 * the groups' configuration.
 */
@ApplicationScoped
public class GroupDirectory {

    private volatile List<GroupRow> restricted = List.of();
    private volatile Map<String, ConfiguredGroup> configured = Map.of();

    /** The breaker settings of a group that has a breaker in this node's configuration, else {@code null}. */
    public BreakerSettings breakerOf(String group) {
        ConfiguredGroup config = configured.get(group);
        return config == null ? null : config.breaker();
    }

    /** The group's share of the claims against the other groups with due tasks: 1 unless configured. */
    public int weightOf(String group) {
        ConfiguredGroup config = configured.get(group);
        return config == null ? ConfiguredGroup.DEFAULT_WEIGHT : config.weight();
    }

    void configure(Map<String, ConfiguredGroup> groups) {
        configured = Map.copyOf(groups);
    }

    public List<GroupRow> restricted() {
        return restricted;
    }

    public synchronized void replace(List<GroupRow> rows) {
        restricted = rows.stream().filter(GroupRow::restricted).toList();
    }

    /** Takes one group's row as it is now, keeping the others as they were read last. */
    public synchronized void update(GroupRow row) {
        List<GroupRow> rows = new ArrayList<>(restricted.size() + 1);
        for (GroupRow known : restricted) {
            if (!known.name().equals(row.name())) {
                rows.add(known);
            }
        }
        if (row.restricted()) {
            rows.add(row);
        }
        rows.sort(Comparator.comparing(GroupRow::name));
        restricted = List.copyOf(rows);
    }
}
