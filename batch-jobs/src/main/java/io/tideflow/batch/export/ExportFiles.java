package io.tideflow.batch.export;

import io.tideflow.queue.api.admin.ExportFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
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

    /** The name, when it is one of Tideflow's export file names. */
    static String checked(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an export file name: " + name);
        }
        return name;
    }
}
