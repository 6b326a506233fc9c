package io.tideflow.queue.core;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The engine's configuration, read once from MicroProfile Config and validated, so that a bad value fails the
 * deployment with a message that names the key. Every key and its default is listed in docs/configuration.md.
 */
public record EngineSettings(String nodeId, int workers, Duration pollInterval, Duration leaseDuration,
                             int payloadMaxBytes, int defaultMaxAttempts, int defaultPriority,
                             Duration retryBaseDelay, Duration retryMaxDelay, boolean demoEnabled) {

    public static final String DEFAULT_GROUP = "default";

    /** The defaults, for tests and for servers with no configuration at all. */
    public static EngineSettings defaults() {
        return new EngineSettings("local", 8, Duration.ofSeconds(1), Duration.ofSeconds(30), 256 * 1024, 5, 5,
                Duration.ofSeconds(1), Duration.ofMinutes(5), false);
    }

    /** Reads every key, falling back to {@link #defaults()}; throws {@link InvalidSettingException} on a bad value. */
    public static EngineSettings from(Config config) {
        EngineSettings d = defaults();
        Reader r = new Reader(config);
        return new EngineSettings(
                r.text("tideflow.node.id", defaultNodeId()),
                r.integer("tideflow.dispatcher.workers", d.workers(), 1, 256),
                r.duration("tideflow.dispatcher.poll-interval", d.pollInterval(), Duration.ofMillis(50), Duration.ofMinutes(10)),
                r.duration("tideflow.lease.duration", d.leaseDuration(), Duration.ofSeconds(1), Duration.ofHours(24)),
                r.integer("tideflow.payload.max-bytes", d.payloadMaxBytes(), 1, 64 * 1024 * 1024),
                r.integer("tideflow.task.max-attempts", d.defaultMaxAttempts(), 1, 100),
                r.integer("tideflow.task.priority", d.defaultPriority(), 0, 9),
                r.duration("tideflow.retry.base-delay", d.retryBaseDelay(), Duration.ZERO, Duration.ofDays(1)),
                r.duration("tideflow.retry.max-delay", d.retryMaxDelay(), Duration.ZERO, Duration.ofDays(7)),
                r.bool("tideflow.demo.enabled", d.demoEnabled()));
    }

    private static String defaultNodeId() {
        String name = System.getProperty("jboss.node.name");
        if (name == null || name.isBlank()) {
            name = System.getProperty("com.sun.aas.instanceName");
        }
        return name == null || name.isBlank() ? "node-" + ProcessHandle.current().pid() : name;
    }

    /** Reads typed values and names the key in every error. */
    private record Reader(Config config) {

        String text(String key, String fallback) {
            String value = config.getOptionalValue(key, String.class).orElse(fallback).trim();
            if (value.isEmpty() || value.length() > 200) {
                throw new InvalidSettingException(key, value, "must be 1 to 200 characters");
            }
            return value;
        }

        int integer(String key, int fallback, int min, int max) {
            Optional<String> raw = config.getOptionalValue(key, String.class);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.get().trim());
                if (value < min || value > max) {
                    throw new InvalidSettingException(key, raw.get(), "must be between " + min + " and " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(key, raw.get(), "must be a whole number");
            }
        }

        Duration duration(String key, Duration fallback, Duration min, Duration max) {
            Optional<String> raw = config.getOptionalValue(key, String.class);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                Duration value = Duration.parse(raw.get().trim());
                if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                    throw new InvalidSettingException(key, raw.get(), "must be between " + min + " and " + max);
                }
                return value;
            } catch (DateTimeParseException e) {
                throw new InvalidSettingException(key, raw.get(), "must be an ISO-8601 duration such as PT30S");
            }
        }

        boolean bool(String key, boolean fallback) {
            Optional<String> raw = config.getOptionalValue(key, String.class);
            if (raw.isEmpty()) {
                return fallback;
            }
            String value = raw.get().trim();
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new InvalidSettingException(key, value, "must be true or false");
            }
            return Boolean.parseBoolean(value);
        }
    }
}
