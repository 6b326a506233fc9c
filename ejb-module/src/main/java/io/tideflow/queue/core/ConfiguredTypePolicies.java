package io.tideflow.queue.core;

import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-type configuration under {@code tideflow.type."<type>".}: {@code group}, {@code priority},
 * {@code max-attempts}, {@code timeout}, {@code retry.base-delay}, {@code retry.multiplier}, {@code retry.max-delay}.
 * Whatever a type leaves out comes from the engine's defaults.
 */
final class ConfiguredTypePolicies implements TypePolicies {

    private final SettingReader reader;
    private final TaskTypePolicy defaults;
    private final Map<String, TaskTypePolicy> policies = new ConcurrentHashMap<>();

    ConfiguredTypePolicies(Config config, EngineSettings settings) {
        this.reader = new SettingReader(config);
        this.defaults = settings.taskDefaults();
    }

    /** Reads and checks every key of these types now, so a bad value fails the deployment rather than a task. */
    void validate(Set<String> types) {
        types.forEach(type -> {
            groupOf(type);
            policyOf(type);
        });
    }

    @Override
    public Optional<String> groupOf(String type) {
        String key = prefixOf(type) + ".group";
        return reader.raw(key).map(group -> {
            if (!TaskRequestValidator.GROUP_NAME.matcher(group).matches()) {
                throw new InvalidSettingException(key, group, "must be 1 to 100 letters, digits, '.', '-' or '_'");
            }
            return group;
        });
    }

    @Override
    public TaskTypePolicy policyOf(String type) {
        return policies.computeIfAbsent(type,
                t -> reader.typePolicy(prefixOf(t), prefixOf(t) + ".retry", defaults));
    }

    private static String prefixOf(String type) {
        return "tideflow.type.\"" + type + "\"";
    }
}
