package io.tideflow.queue.config;

import io.tideflow.queue.model.RetryPolicy;
import io.tideflow.queue.model.TaskTypePolicy;
import java.time.Duration;

/** Reads task type policies (attempts, priority, retry, timeout) from configuration. */
public final class PolicySettings {

    private PolicySettings() {}

    /** A retry policy under {@code prefix} ("tideflow.retry" or a type's "...retry"), falling back to another. */
    static RetryPolicy retry(SettingReader reader, String prefix, RetryPolicy fallback) {
        return new RetryPolicy(
                reader.duration(prefix + ".base-delay", fallback.baseDelay(), Duration.ZERO, Duration.ofDays(1)),
                reader.decimal(prefix + ".multiplier", fallback.multiplier(), 1.0, 10.0),
                reader.duration(prefix + ".max-delay", fallback.maxDelay(), Duration.ZERO, Duration.ofDays(7)));
    }

    /** A type policy under {@code prefix} ("tideflow.task" or a type's key), falling back to another. */
    public static TaskTypePolicy typePolicy(
            SettingReader reader, String prefix, String retryPrefix, TaskTypePolicy fallback) {
        return new TaskTypePolicy(
                reader.integer(prefix + ".max-attempts", fallback.maxAttempts(), 1, 100),
                reader.integer(prefix + ".priority", fallback.priority(), 0, 9),
                retry(reader, retryPrefix, fallback.retry()),
                reader.duration(prefix + ".timeout", fallback.timeout(), Duration.ofMillis(100), Duration.ofHours(24)));
    }
}
