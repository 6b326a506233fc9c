package io.tideflow.queue.config;

import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Where and how often the metric history's hours and the insights are backed up to a file. Every key and its default
 * is listed in docs/configuration.md.
 *
 * @param directory where the backups are written, or null for none
 * @param interval  how often one is written (by one node)
 * @param keep      how many backups are kept in the directory; older ones are deleted
 */
public record HistoryBackupSettings(Path directory, Duration interval, int keep) {

    public static HistoryBackupSettings defaults() {
        return new HistoryBackupSettings(null, Duration.ofDays(1), 7);
    }

    /** Reads every key, falling back to {@link #defaults()}; throws {@link InvalidSettingException} on a bad value. */
    public static HistoryBackupSettings from(Config config) {
        HistoryBackupSettings d = defaults();
        SettingReader r = new SettingReader(config);
        String key = "tideflow.history.backup.directory";
        Path directory = r.raw(key)
                .filter(text -> !text.isBlank())
                .map(text -> {
                    Path path = Path.of(text);
                    if (!path.isAbsolute()) {
                        throw new InvalidSettingException(key, text, "must be an absolute path");
                    }
                    return path;
                })
                .orElse(null);
        return new HistoryBackupSettings(
                directory,
                r.duration(
                        "tideflow.history.backup.interval", d.interval(), Duration.ofSeconds(1), Duration.ofDays(31)),
                r.integer("tideflow.history.backup.keep", d.keep(), 1, 1_000));
    }
}
