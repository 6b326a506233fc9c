package io.tideflow.batch.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.admin.ExportFormat;
import org.junit.jupiter.api.Test;

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
}
