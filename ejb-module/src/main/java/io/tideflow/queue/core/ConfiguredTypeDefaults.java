package io.tideflow.queue.core;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * Per-type defaults from MicroProfile Config: {@code tideflow.type."<type>".group} and
 * {@code tideflow.type."<type>".priority}.
 */
final class ConfiguredTypeDefaults implements TypeDefaults {

    private final Config config;

    ConfiguredTypeDefaults(Config config) {
        this.config = config;
    }

    @Override
    public Optional<String> groupOf(String type) {
        String key = keyOf(type, "group");
        return config.getOptionalValue(key, String.class).map(group -> {
            if (!TaskRequestValidator.GROUP_NAME.matcher(group).matches()) {
                throw new InvalidSettingException(key, group, "must be 1 to 100 letters, digits, '.', '-' or '_'");
            }
            return group;
        });
    }

    @Override
    public Optional<Integer> priorityOf(String type) {
        String key = keyOf(type, "priority");
        return config.getOptionalValue(key, String.class).map(raw -> {
            try {
                int priority = Integer.parseInt(raw.trim());
                if (priority >= 0 && priority <= 9) {
                    return priority;
                }
            } catch (NumberFormatException e) {
                // reported below with the key
            }
            throw new InvalidSettingException(key, raw, "must be a whole number between 0 and 9");
        });
    }

    private static String keyOf(String type, String property) {
        return "tideflow.type.\"" + type + "\"." + property;
    }
}
