package io.tideflow.queue.core;

import java.util.Optional;

/** Per-type defaults: the resource group and the {@link TaskTypePolicy}, falling back to the engine's defaults. */
public interface TypePolicies {

    Optional<String> groupOf(String type);

    TaskTypePolicy policyOf(String type);

    /** The engine's defaults for every type, with no per-type group. */
    static TypePolicies defaultsOf(EngineSettings settings) {
        return new TypePolicies() {
            @Override
            public Optional<String> groupOf(String type) {
                return Optional.empty();
            }

            @Override
            public TaskTypePolicy policyOf(String type) {
                return settings.taskDefaults();
            }
        };
    }
}
