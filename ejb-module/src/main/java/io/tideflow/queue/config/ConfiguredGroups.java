package io.tideflow.queue.config;

import java.util.Map;
import java.util.Set;

/**
 * Every resource group the configuration defines ({@code tideflow.group."<name>".*}), read and checked once.
 *
 * @param maxGroups how many groups may hold tasks before a task naming a group the configuration does not define is
 *                  refused ({@code tideflow.groups.max}): every group costs the dispatcher a turn, the database an
 *                  index range and the metrics a series, so a client cannot mint them without bound
 */
public record ConfiguredGroups(Map<String, ConfiguredGroup> byName, int maxGroups) {

    public static final int DEFAULT_MAX_GROUPS = 10_000;

    public ConfiguredGroups {
        byName = Map.copyOf(byName);
    }

    /** The configured groups and the group cap, from the deployment's configuration. */
    public static ConfiguredGroups from(org.eclipse.microprofile.config.Config config) {
        return new ConfiguredGroups(
                GroupSettings.from(config),
                new SettingReader(config).integer("tideflow.groups.max", DEFAULT_MAX_GROUPS, 1, 1_000_000));
    }

    /** The group's configuration, or {@code null} when the configuration does not name it. */
    public ConfiguredGroup get(String name) {
        return byName.get(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
