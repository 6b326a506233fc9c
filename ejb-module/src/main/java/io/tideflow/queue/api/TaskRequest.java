package io.tideflow.queue.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What a caller asks to run. Only the type is required; everything else falls back to the type's defaults.
 *
 * @param type           the task type, which selects the handler ({@link TaskType})
 * @param payloadJson    the handler's input as a JSON text; {@code null} means the JSON {@code null}
 * @param group          the resource group; {@code null} for the type's default group
 * @param priority       0 (lowest) to 9 (highest); {@code null} for the type's default
 * @param maxAttempts    1 to 100; {@code null} for the configured default
 * @param runAt          the earliest time to run; {@code null} for now
 * @param idempotencyKey when set, a second request with the same key returns the first task's id
 */
public record TaskRequest(
        String type,
        String payloadJson,
        String group,
        Integer priority,
        Integer maxAttempts,
        Instant runAt,
        String idempotencyKey) {

    /** Starts a request for a task type. */
    public static Builder ofType(String type) {
        return new Builder(type);
    }

    /** Builds a {@link TaskRequest} field by field. */
    public static final class Builder {
        private final String type;
        private String payloadJson;
        private String group;
        private Integer priority;
        private Integer maxAttempts;
        private Instant runAt;
        private String idempotencyKey;

        private Builder(String type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder payloadJson(String json) {
            this.payloadJson = json;
            return this;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder runAt(Instant runAt) {
            this.runAt = runAt;
            return this;
        }

        public Builder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        public TaskRequest build() {
            return new TaskRequest(type, payloadJson, group, priority, maxAttempts, runAt, idempotencyKey);
        }
    }
}
