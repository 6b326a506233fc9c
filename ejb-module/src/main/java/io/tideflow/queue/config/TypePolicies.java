package io.tideflow.queue.config;

import io.tideflow.queue.model.TaskTypePolicy;
import java.util.Optional;

/** Per-type defaults: the resource group and the {@link TaskTypePolicy}, falling back to the engine's defaults. */
public interface TypePolicies {

    Optional<String> groupOf(String type);

    /**
     * The policy of {@code type} when its task is in {@code group}: each setting from the type's own keys, else from
     * the group's ({@code tideflow.group."<group>".priority}, {@code .max-attempts}, {@code .timeout},
     * {@code .retry.*}), else the engine's default.
     */
    TaskTypePolicy policyOf(String type, String group);

    /** The engine's defaults for every type, with no per-type group. */
    static TypePolicies defaultsOf(EngineSettings settings) {
        return new TypePolicies() {
            @Override
            public Optional<String> groupOf(String type) {
                return Optional.empty();
            }

            @Override
            public TaskTypePolicy policyOf(String type, String group) {
                return settings.taskDefaults();
            }
        };
    }
}
