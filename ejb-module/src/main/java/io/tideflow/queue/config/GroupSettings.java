package io.tideflow.queue.config;

import io.tideflow.queue.model.BreakerSettings;
import io.tideflow.queue.model.GroupLimits;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The resource groups defined in configuration, under {@code tideflow.group."<name>".}: {@code max-concurrent} (per
 * node), {@code max-concurrent-cluster} (across nodes), {@code rate} (permits per period, as {@code 50/PT1S}),
 * {@code weight} (its share of the claims against other busy groups, 1 to 1,000, default 1) and the
 * circuit breaker's {@code breaker.enabled}, {@code breaker.failure-ratio}, {@code breaker.minimum-calls},
 * {@code breaker.window}, {@code breaker.open-delay} and {@code breaker.probes} (any breaker key but
 * {@code breaker.enabled=false} gives the group a breaker, with defaults for the keys left out).
 * Every key under {@code tideflow.group.} is checked when the application deploys: an unknown key or a bad value
 * fails the deployment with a message that names the key and the value.
 */
public final class GroupSettings {

    private static final String PREFIX = "tideflow.group.";
    private static final Pattern KEY = Pattern.compile("tideflow\\.group\\.\"([^\"]+)\"\\.([a-z.-]+)");
    private static final Pattern RATE = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\S+)");
    private static final Set<String> KNOWN = Set.of(
            "max-concurrent",
            "max-concurrent-cluster",
            "rate",
            "weight",
            "priority",
            "max-attempts",
            "timeout",
            "retry.base-delay",
            "retry.multiplier",
            "retry.max-delay",
            "breaker.enabled",
            "breaker.failure-ratio",
            "breaker.minimum-calls",
            "breaker.window",
            "breaker.open-delay",
            "breaker.probes");

    private GroupSettings() {}

    /** Every configured group with its limits and breaker, by name. */
    public static Map<String, ConfiguredGroup> from(Config config) {
        SettingReader reader = new SettingReader(config);
        Map<String, ConfiguredGroup> groups = new TreeMap<>();
        for (String key : config.getPropertyNames()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            Matcher parts = KEY.matcher(key);
            if (!parts.matches()) {
                throw new InvalidSettingException(
                        key,
                        reader.raw(key).orElse(""),
                        "is not a group key; write tideflow.group.\"<name>\".<key> with <key> one of " + KNOWN);
            }
            String group = parts.group(1);
            if (!NameRules.GROUP_NAME.matcher(group).matches()) {
                throw new InvalidSettingException(
                        key,
                        reader.raw(key).orElse(""),
                        "names group '" + group + "'; a group name is 1 to 100 letters, digits, '.', '-' or '_'");
            }
            if (!KNOWN.contains(parts.group(2))) {
                throw new InvalidSettingException(
                        key, reader.raw(key).orElse(""), "is not a group setting; known settings are " + KNOWN);
            }
            groups.computeIfAbsent(
                    group,
                    name -> new ConfiguredGroup(
                            limitsOf(reader, name),
                            breakerOf(reader, name),
                            reader.integer(
                                    PREFIX + "\"" + name + "\".weight", ConfiguredGroup.DEFAULT_WEIGHT, 1, 1_000)));
        }
        return groups;
    }

    private static GroupLimits limitsOf(SettingReader reader, String group) {
        String prefix = PREFIX + "\"" + group + "\".";
        Integer perNode = optionalInteger(reader, prefix + "max-concurrent");
        Integer cluster = optionalInteger(reader, prefix + "max-concurrent-cluster");
        String rateKey = prefix + "rate";
        Integer permits = null;
        Long periodMillis = null;
        if (reader.raw(rateKey).isPresent()) {
            String rate = reader.raw(rateKey).get();
            Matcher parts = RATE.matcher(rate);
            if (!parts.matches()) {
                throw new InvalidSettingException(rateKey, rate, "must be permits per period, such as 50/PT1S");
            }
            permits = Integer.parseInt(parts.group(1));
            periodMillis = periodOf(rateKey, rate, parts.group(2)).toMillis();
            if (permits < 1 || periodMillis < 1) {
                throw new InvalidSettingException(
                        rateKey, rate, "needs at least 1 permit and a period of at least" + " 1 ms");
            }
        }
        return new GroupLimits(perNode, cluster, permits, periodMillis);
    }

    private static BreakerSettings breakerOf(SettingReader reader, String group) {
        String prefix = PREFIX + "\"" + group + "\".breaker.";
        boolean anyKey = KNOWN.stream()
                .filter(key -> key.startsWith("breaker."))
                .anyMatch(key -> reader.raw(PREFIX + "\"" + group + "\"." + key).isPresent());
        if (!anyKey || !reader.bool(prefix + "enabled", true)) {
            return null;
        }
        BreakerSettings d = BreakerSettings.DEFAULTS;
        return new BreakerSettings(
                reader.decimal(prefix + "failure-ratio", d.failureRatio(), 0.01, 1.0),
                reader.integer(prefix + "minimum-calls", d.minimumCalls(), 1, 100_000),
                reader.duration(prefix + "window", d.window(), Duration.ofSeconds(1), Duration.ofDays(1)),
                reader.duration(prefix + "open-delay", d.openDelay(), Duration.ofMillis(100), Duration.ofDays(1)),
                reader.integer(prefix + "probes", d.probes(), 1, 1_000));
    }

    private static Duration periodOf(String key, String rate, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(key, rate, "the period must be an ISO-8601 duration such as PT1S");
        }
    }

    private static Integer optionalInteger(SettingReader reader, String key) {
        return reader.raw(key).isEmpty() ? null : reader.integer(key, 1, 1, 100_000);
    }
}
