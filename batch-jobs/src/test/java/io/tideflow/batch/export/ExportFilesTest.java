package io.tideflow.batch.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.admin.ExportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFilesTest {

    private final ExportFiles files = new ExportFiles();

    @Test
    void newNamesAreExportNamesWithTheFormatsExtension() {
        String csv = files.newName(ExportFormat.CSV);
        String ndjson = files.newName(ExportFormat.NDJSON);
        assertThat(csv).startsWith("tideflow-export-").endsWith(".csv");
        assertThat(ndjson).endsWith(".ndjson");
        assertThat(ExportFiles.checked(csv)).isEqualTo(csv);
        assertThat(ExportFiles.checked(ndjson)).isEqualTo(ndjson);
        assertThat(files.newName(ExportFormat.CSV)).isNotEqualTo(csv);
    }

    @Test
    void namesOfAnyOtherShapeAreRefused() {
        for (String name : new String[] {
            null,
            "",
            "../../etc/passwd",
            "tideflow-export-1.csv",
            "tideflow-export-0b5a4c2e-8f1d-4a7b-9c3e-2d6f8a1b0c9e.csv/../../x",
            "/tmp/tideflow-export-0b5a4c2e-8f1d-4a7b-9c3e-2d6f8a1b0c9e.csv",
            "tideflow-export-0b5a4c2e-8f1d-4a7b-9c3e-2d6f8a1b0c9e.xml"
        }) {
            assertThatThrownBy(() -> ExportFiles.checked(name))
                    .as(String.valueOf(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not an export file name");
        }
    }

    @Test
    void onlyExportFilesAndPartsOlderThanTheRetentionAreDeleted(@TempDir Path directory) throws IOException {
        Instant now = Instant.now();
        Path oldCsv = file(
                directory, "tideflow-export-0b5a4c2e-8f1d-4a7b-9c3e-2d6f8a1b0c9e.csv", now.minus(Duration.ofDays(8)));
        Path oldPart = file(
                directory,
                "tideflow-export-1b5a4c2e-8f1d-4a7b-9c3e-2d6f8a1b0c9e.ndjson.part",
                now.minus(Duration.ofDays(8)));
        Path newNdjson = file(
                directory,
                "tideflow-export-2b5a4c2e-8f1d-4a7b-9c3e-2d6f8a1b0c9e.ndjson",
                now.minus(Duration.ofDays(1)));
        Path someoneElses = file(directory, "orders.csv", now.minus(Duration.ofDays(30)));

        assertThat(ExportFiles.deleteOlderThan(directory, now.minus(Duration.ofDays(7))))
                .isEqualTo(2);

        assertThat(oldCsv).doesNotExist();
        assertThat(oldPart).doesNotExist();
        assertThat(newNdjson).exists();
        assertThat(someoneElses).exists();
    }

    @Test
    void aMissingDirectoryHasNothingToDelete(@TempDir Path directory) {
        assertThat(ExportFiles.deleteOlderThan(directory.resolve("never-made"), Instant.now()))
                .isZero();
    }

    private static Path file(Path directory, String name, Instant lastWritten) throws IOException {
        Path file = Files.writeString(directory.resolve(name), "id,state\n");
        Files.setLastModifiedTime(file, FileTime.from(lastWritten));
        return file;
    }
}
