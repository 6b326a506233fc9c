package io.tideflow.queue.config;

import io.tideflow.queue.api.admin.AlertKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The alert rules in configuration, under {@code tideflow.alert."<name>".}: {@code kind} (error-rate, oldest-due,
 * breaker-open, throughput-drop), {@code threshold} (a ratio 0 to 1 for error-rate and throughput-drop, an ISO-8601
 * duration for oldest-due and breaker-open), {@code group} (default: every group), {@code window} (default PT5M;
 * PT1H for throughput-drop) and {@code min-count} (default 10). An unknown key or a bad value fails the deployment
 * naming the key and the value.
 */
public final class AlertRules {

    private static final String PREFIX = "tideflow.alert.";
    private static final Pattern KEY = Pattern.compile("tideflow\\.alert\\.\"([A-Za-z0-9._-]{1,100})\"\\.([a-z-]+)");
    private static final Set<String> KNOWN = Set.of("kind", "threshold", "group", "window", "min-count");

    private AlertRules() {}

    public static List<AlertRule> from(Config config) {
        SettingReader reader = new SettingReader(config);
        Set<String> names = new TreeSet<>();
        for (String key : config.getPropertyNames()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            Matcher parts = KEY.matcher(key);
            if (!parts.matches()) {
                throw new InvalidSettingException(
                        key,
                        reader.raw(key).orElse(""),
                        "is not an alert key; write"
                                + " tideflow.alert.\"<name>\".<key> with a name of letters, digits, '.', '-' or '_' and <key>"
                                + " one of " + new TreeSet<>(KNOWN));
            }
            if (!KNOWN.contains(parts.group(2))) {
                throw new InvalidSettingException(
                        key,
                        reader.raw(key).orElse(""),
                        "is not an alert setting; known settings are " + new TreeSet<>(KNOWN));
            }
            names.add(parts.group(1));
        }
        List<AlertRule> rules = new ArrayList<>();
        for (String name : names) {
            rules.add(ruleOf(reader, name));
        }
        return rules;
    }

    private static AlertRule ruleOf(SettingReader reader, String name) {
        String prefix = PREFIX + "\"" + name + "\".";
        String kindKey = prefix + "kind";
        String kindText = reader.raw(kindKey)
                .orElseThrow(() -> new InvalidSettingException(
                        kindKey, "", "is required: error-rate, oldest-due, breaker-open or throughput-drop"));
        AlertKind kind;
        try {
            kind = AlertKind.valueOf(kindText.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(
                    kindKey, kindText, "must be error-rate, oldest-due, breaker-open or throughput-drop");
        }
        if (kind.compareTo(AlertKind.THROUGHPUT_DROP) > 0) {
            throw new InvalidSettingException(
                    kindKey,
                    kindText,
                    "is an anomaly the detector finds without a rule (tideflow.anomalies.enabled); a rule must be"
                            + " error-rate, oldest-due, breaker-open or throughput-drop");
        }
        String thresholdKey = prefix + "threshold";
        String threshold = reader.raw(thresholdKey)
                .orElseThrow(() -> new InvalidSettingException(thresholdKey, "", "is required"));
        double value = switch (kind) {
            case ERROR_RATE, THROUGHPUT_DROP -> reader.decimal(thresholdKey, 0, 0.0, 1.0);
            case OLDEST_DUE, BREAKER_OPEN -> seconds(thresholdKey, threshold);
            default -> throw new IllegalStateException(kind + " has no threshold; this indicates a bug");
        };
        Duration window = reader.duration(
                prefix + "window",
                kind == AlertKind.THROUGHPUT_DROP ? Duration.ofHours(1) : Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofDays(1));
        long minCount = reader.integer(prefix + "min-count", 10, 0, Integer.MAX_VALUE);
        return new AlertRule(name, kind, reader.raw(prefix + "group").orElse(null), value, window, minCount);
    }

    private static double seconds(String key, String text) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidSettingException(key, text, "must be a positive duration");
            }
            return duration.toMillis() / 1000.0;
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(key, text, "must be an ISO-8601 duration such as PT10M");
        }
    }
}
