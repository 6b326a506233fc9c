package io.tideflow.queue.config;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * When finished tasks are archived, and when archived tasks and dead letters are deleted. Every key and its default
 * is listed in docs/configuration.md.
 *
 * @param enabled                whether this node archives (and purges)
 * @param after                  how long a task stays COMPLETED or CANCELLED before it is archived
 * @param interval               how often this node looks for tasks to archive and purge
 * @param purge                  whether this node deletes archived tasks and dead letters past their retention
 * @param purgeAfter             how long a task stays ARCHIVED before it is deleted, with its history and result
 * @param deadLetterPurgeAfter   how long a task stays DEAD_LETTER before it is deleted, with its history
 */
public record ArchiveSettings(
        boolean enabled,
        Duration after,
        Duration interval,
        boolean purge,
        Duration purgeAfter,
        Duration deadLetterPurgeAfter) {

    public static ArchiveSettings defaults() {
        return new ArchiveSettings(
                true, Duration.ofDays(7), Duration.ofMinutes(5), true, Duration.ofDays(30), Duration.ofDays(90));
    }

    /** Reads every key, falling back to {@link #defaults()}; throws {@link InvalidSettingException} on a bad value. */
    public static ArchiveSettings from(Config config) {
        ArchiveSettings d = defaults();
        SettingReader r = new SettingReader(config);
        return new ArchiveSettings(
                r.bool("tideflow.archive.enabled", d.enabled()),
                r.duration("tideflow.archive.after", d.after(), Duration.ZERO, Duration.ofDays(3650)),
                r.duration("tideflow.archive.interval", d.interval(), Duration.ofMillis(100), Duration.ofDays(1)),
                r.bool("tideflow.archive.purge.enabled", d.purge()),
                r.duration("tideflow.archive.purge-after", d.purgeAfter(), Duration.ZERO, Duration.ofDays(36500)),
                r.duration(
                        "tideflow.archive.dead-letter-purge-after",
                        d.deadLetterPurgeAfter(),
                        Duration.ZERO,
                        Duration.ofDays(36500)));
    }
}
