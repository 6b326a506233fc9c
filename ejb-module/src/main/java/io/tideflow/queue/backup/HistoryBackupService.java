package io.tideflow.queue.backup;

import io.tideflow.queue.api.admin.MetricBackups;
import io.tideflow.queue.api.admin.RestoreCounts;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * {@link MetricBackups}: a backup is written to a part file and moved into place when complete, so a file named
 * {@code tideflow-history-*.ndjson} is always whole.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistoryBackupService implements MetricBackups {

    static final String PREFIX = "tideflow-history-";
    static final String SUFFIX = ".ndjson";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Inject
    HistoryBackupTransactions transactions;

    @Inject
    Clock clock;

    @Override
    public Path writeInto(Path directory) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Path file = directory.resolve(PREFIX + STAMP.format(now) + SUFFIX);
        Path part = directory.resolve(file.getFileName() + ".part");
        try {
            Files.createDirectories(directory);
            try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                transactions.write(out, now);
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the metric history backup " + file + " failed", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // a part file left behind is never taken for a backup: its name says it is incomplete
            }
        }
    }

    @Override
    public RestoreCounts restore(BufferedReader backup) {
        return transactions.restore(backup, clock.instant());
    }
}
