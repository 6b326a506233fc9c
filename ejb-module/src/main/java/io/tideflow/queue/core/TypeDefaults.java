package io.tideflow.queue.core;

import java.util.Optional;

/** Per-type defaults for the enqueue flow's group and priority steps. */
public interface TypeDefaults {

    Optional<String> groupOf(String type);

    Optional<Integer> priorityOf(String type);

    /** No per-type defaults at all. */
    static TypeDefaults none() {
        return new TypeDefaults() {
            @Override
            public Optional<String> groupOf(String type) {
                return Optional.empty();
            }

            @Override
            public Optional<Integer> priorityOf(String type) {
                return Optional.empty();
            }
        };
    }
}
