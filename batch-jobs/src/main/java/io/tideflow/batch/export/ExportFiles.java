package io.tideflow.batch.export;

import io.tideflow.queue.api.admin.ExportFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where export files live: {@code tideflow.export.directory}, by default {@code tideflow-exports} in the server's data
 * directory (WildFly's {@code jboss.server.data.dir}, the Payara domain's folder), else in the temporary directory.
 * Names are Tideflow's own ({@code tideflow-export-<uuid>.csv}); a name of any other shape is refused, so that no
 * request can point a job or a download elsewhere.
 */
@ApplicationScoped
public class ExportFiles {

    private static final Pattern NAME =
            Pattern.compile("tideflow-export-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.(csv|ndjson)");
    /** A file being written, or one a crash left half written. */
    private static final Pattern PART =
            Pattern.compile("tideflow-export-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.(csv|ndjson)\\.part");

    public Path directory() {
        return ConfigProvider.getConfig()
                .getOptionalValue("tideflow.export.directory", String.class)
                .map(Path::of)
                .orElseGet(ExportFiles::defaultDirectory);
    }

    private static Path defaultDirectory() {
        String wildfly = System.getProperty("jboss.server.data.dir");
        if (wildfly != null) {
            return Path.of(wildfly, "tideflow-exports");
        }
        String payara = System.getProperty("com.sun.aas.instanceRoot");
        if (payara != null) {
            return Path.of(payara, "tideflow-exports");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "tideflow-exports");
    }

    /** A new file name for an export in {@code format}. */
    public String newName(ExportFormat format) {
        return "tideflow-export-" + UUID.randomUUID() + "." + extensionOf(format);
    }

    public static String extensionOf(ExportFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    /** The file of that name in the export directory. */
    public Path resolve(String name) {
        return directory().resolve(checked(name));
    }

    /**
     * Deletes the export files (and parts of files) last written more than {@code retention} ago; files of any other
     * name are left alone. Returns how many it deleted.
     */
    public int deleteOlderThan(Duration retention) {
        return deleteOlderThan(directory(), Instant.now().minus(retention));
    }

    static int deleteOlderThan(Path directory, Instant before) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if ((NAME.matcher(name).matches() || PART.matcher(name).matches())
                        && lastWritten(file).isBefore(before)
                        && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting old export files in " + directory + " failed", e);
        }
        return deleted;
    }

    private static Instant lastWritten(Path file) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (NoSuchFileException e) {
            // deleted meanwhile (by another node's job sharing the directory)
            return Instant.MAX;
        }
    }

    /** The name, when it is one of Tideflow's export file names. */
    static String checked(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an export file name: " + name);
        }
        return name;
    }
}
