package io.tideflow.queue.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** Reads typed configuration values and names the key and the value in every error. */
public final class SettingReader {

    private final Config config;

    public SettingReader(Config config) {
        this.config = config;
    }

    public Optional<String> raw(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim);
    }

    public String text(String key, String fallback) {
        String value = raw(key).orElse(fallback);
        if (value.isEmpty() || value.length() > 200) {
            throw new InvalidSettingException(key, value, "must be 1 to 200 characters");
        }
        return value;
    }

    public int integer(String key, int fallback, int min, int max) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new InvalidSettingException(key, raw.get(), "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, raw.get(), "must be a whole number");
        }
    }

    public double decimal(String key, double fallback, double min, double max) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.get());
            if (!(value >= min && value <= max)) {
                throw new InvalidSettingException(key, raw.get(), "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, raw.get(), "must be a number");
        }
    }

    public Duration duration(String key, Duration fallback, Duration min, Duration max) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            Duration value = Duration.parse(raw.get());
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new InvalidSettingException(key, raw.get(), "must be between " + min + " and " + max);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(key, raw.get(), "must be an ISO-8601 duration such as PT30S");
        }
    }

    public boolean bool(String key, boolean fallback) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        if (!raw.get().equalsIgnoreCase("true") && !raw.get().equalsIgnoreCase("false")) {
            throw new InvalidSettingException(key, raw.get(), "must be true or false");
        }
        return Boolean.parseBoolean(raw.get());
    }
}
