package io.tideflow.queue.config;

import io.tideflow.queue.api.recurring.MisfirePolicy;
import io.tideflow.queue.api.recurring.ScheduleRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * How recurring schedules fire, and the schedules the configuration declares under {@code tideflow.schedule."<name>".}
 * ({@code type} and {@code cron} required; {@code zone}, {@code payload}, {@code group}, {@code priority},
 * {@code misfire} as {@code skip}, {@code run-once} or {@code catch-up}, {@code catch-up-limit}). An unknown key fails
 * the deployment naming it; the values are checked as an API request's are, by the recurring package.
 *
 * @param pollInterval     how often every node looks for due slots (one indexed read)
 * @param misfireThreshold how late a slot may fire and still count as on time; older ones follow the misfire policy
 * @param configured       the declared schedules, by name
 */
public record ScheduleSettings(
        Duration pollInterval, Duration misfireThreshold, Map<String, ScheduleRequest> configured) {

    private static final String PREFIX = "tideflow.schedule.";
    private static final Pattern KEY = Pattern.compile("tideflow\\.schedule\\.\"([^\"]+)\"\\.([a-z-]+)");
    private static final Set<String> KNOWN =
            Set.of("type", "cron", "zone", "payload", "group", "priority", "misfire", "catch-up-limit");

    public ScheduleSettings {
        configured = Map.copyOf(configured);
    }

    public static ScheduleSettings from(Config config) {
        SettingReader reader = new SettingReader(config);
        Map<String, ScheduleRequest> configured = new TreeMap<>();
        for (String key : config.getPropertyNames()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            Matcher parts = KEY.matcher(key);
            if (!parts.matches() || !KNOWN.contains(parts.group(2))) {
                throw new InvalidSettingException(
                        key,
                        reader.raw(key).orElse(""),
                        "is not a schedule key; write tideflow.schedule.\"<name>\".<key> with <key> one of "
                                + new TreeSet<>(KNOWN));
            }
            configured.computeIfAbsent(parts.group(1), name -> requestOf(reader, name));
        }
        return new ScheduleSettings(
                reader.duration(
                        "tideflow.schedules.poll-interval",
                        Duration.ofSeconds(1),
                        Duration.ofMillis(100),
                        Duration.ofMinutes(1)),
                reader.duration(
                        "tideflow.schedules.misfire-threshold",
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1),
                        Duration.ofDays(1)),
                configured);
    }

    private static ScheduleRequest requestOf(SettingReader reader, String name) {
        String prefix = PREFIX + "\"" + name + "\".";
        String type = required(reader, prefix + "type");
        String cron = required(reader, prefix + "cron");
        ScheduleRequest.Builder request = ScheduleRequest.named(name, type, cron)
                .zone(reader.raw(prefix + "zone").orElse(null))
                .payloadJson(reader.raw(prefix + "payload").orElse(null))
                .group(reader.raw(prefix + "group").orElse(null))
                .misfire(misfireOf(reader, prefix + "misfire"))
                .catchUpLimit(reader.integer(prefix + "catch-up-limit", 10, 1, 1_000));
        if (reader.raw(prefix + "priority").isPresent()) {
            request.priority(reader.integer(prefix + "priority", 0, 0, 9));
        }
        return request.build();
    }

    private static String required(SettingReader reader, String key) {
        return reader.raw(key)
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new InvalidSettingException(key, "", "is required for a schedule"));
    }

    private static MisfirePolicy misfireOf(SettingReader reader, String key) {
        String value = reader.raw(key).orElse("run-once");
        try {
            return MisfirePolicy.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, value, "is not a misfire policy; use skip, run-once or catch-up");
        }
    }
}
