package io.tideflow.queue.config;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * When finished tasks are archived. Every key and its default is listed in docs/configuration.md.
 *
 * @param enabled  whether this node archives
 * @param after    how long a task stays COMPLETED or CANCELLED before it is archived
 * @param interval how often this node looks for tasks to archive
 */
public record ArchiveSettings(boolean enabled, Duration after, Duration interval) {

    public static ArchiveSettings defaults() {
        return new ArchiveSettings(true, Duration.ofDays(7), Duration.ofMinutes(5));
    }

    /** Reads every key, falling back to {@link #defaults()}; throws {@link InvalidSettingException} on a bad value. */
    public static ArchiveSettings from(Config config) {
        ArchiveSettings d = defaults();
        SettingReader r = new SettingReader(config);
        return new ArchiveSettings(
                r.bool("tideflow.archive.enabled", d.enabled()),
                r.duration("tideflow.archive.after", d.after(), Duration.ZERO, Duration.ofDays(3650)),
                r.duration("tideflow.archive.interval", d.interval(), Duration.ofMillis(100), Duration.ofDays(1)));
    }
}
