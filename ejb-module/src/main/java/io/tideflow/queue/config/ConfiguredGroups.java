package io.tideflow.queue.config;

import java.util.Map;
import java.util.Set;

/** Every resource group the configuration defines ({@code tideflow.group."<name>".*}), read and checked once. */
public record ConfiguredGroups(Map<String, ConfiguredGroup> byName) {

    public ConfiguredGroups {
        byName = Map.copyOf(byName);
    }

    /** The group's configuration, or {@code null} when the configuration does not name it. */
    public ConfiguredGroup get(String name) {
        return byName.get(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
