package io.tideflow.queue.config;

import io.tideflow.queue.model.TaskTypePolicy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * Per-type configuration under {@code tideflow.type."<type>".}: {@code group}, {@code priority},
 * {@code max-attempts}, {@code timeout}, {@code retry.base-delay}, {@code retry.multiplier}, {@code retry.max-delay}.
 * Whatever a type leaves out comes from its group's same keys under {@code tideflow.group."<group>".}, then from the
 * engine's defaults.
 */
public final class ConfiguredTypePolicies implements TypePolicies {

    private final SettingReader reader;
    private final TaskTypePolicy defaults;
    private final Map<String, TaskTypePolicy> policies = new ConcurrentHashMap<>();
    private final Map<String, TaskTypePolicy> groupPolicies = new ConcurrentHashMap<>();

    public ConfiguredTypePolicies(Config config, EngineSettings settings) {
        this.reader = new SettingReader(config);
        this.defaults = settings.taskDefaults();
    }

    /**
     * Reads and checks every key of these types and groups now, so a bad value fails the deployment rather than a
     * task.
     */
    public void validate(Set<String> types, Set<String> groups) {
        groups.forEach(this::groupPolicyOf);
        types.forEach(type -> {
            policyOf(type, groupOf(type).orElse(EngineSettings.DEFAULT_GROUP));
        });
    }

    @Override
    public Optional<String> groupOf(String type) {
        String key = prefixOf(type) + ".group";
        return reader.raw(key).map(group -> {
            if (!NameRules.GROUP_NAME.matcher(group).matches()) {
                throw new InvalidSettingException(key, group, "must be 1 to 100 letters, digits, '.', '-' or '_'");
            }
            return group;
        });
    }

    @Override
    public TaskTypePolicy policyOf(String type, String group) {
        String groupName = group == null ? EngineSettings.DEFAULT_GROUP : group;
        return policies.computeIfAbsent(
                type + "\u0000" + groupName,
                key -> PolicySettings.typePolicy(
                        reader, prefixOf(type), prefixOf(type) + ".retry", groupPolicyOf(groupName)));
    }

    /** The group's own settings over the engine's defaults; checked for every configured group at deployment. */
    TaskTypePolicy groupPolicyOf(String group) {
        String prefix = "tideflow.group.\"" + group + "\"";
        return groupPolicies.computeIfAbsent(
                group, g -> PolicySettings.typePolicy(reader, prefix, prefix + ".retry", defaults));
    }

    private static String prefixOf(String type) {
        return "tideflow.type.\"" + type + "\"";
    }
}
