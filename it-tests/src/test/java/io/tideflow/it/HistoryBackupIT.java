package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Backups of the metric history's hours and the insights: taken over the API and restored in one transaction, and (on
 * WildFly, whose JVM the suite starts with a backup directory) written on a timer with the newest kept.
 */
@RunAsClient
class HistoryBackupIT extends TestHandlersDeployment {

    private static final String NDJSON = "application/x-ndjson";

    @Test
    void aBackupTakenOverTheApiIsRestoredWholeAndABrokenOneChangesNothing() {
        ApiClient api = api();
        ApiClient.Response backup = api.get("metrics/history/backup", VIEWER);
        assertThat(backup.status()).as(backup.body()).isEqualTo(200);
        assertThat(backup.contentType()).startsWith(NDJSON);
        List<String> lines = backup.body().lines().toList();
        assertThat(json(lines.get(0)).getInt("tideflowHistoryBackup")).isEqualTo(1);
        JsonObject last = json(lines.get(lines.size() - 1));
        assertThat(last.getBoolean("backupComplete")).isTrue();

        ApiClient.Response restored = api.postAs("metrics/history/restore", OPERATOR, NDJSON, backup.body());
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().getJsonNumber("hours").longValue())
                .isEqualTo(last.getJsonNumber("hours").longValue());
        assertThat(restored.json().getJsonNumber("insights").longValue())
                .isEqualTo(last.getJsonNumber("insights").longValue());

        String broken = backup.body().replaceFirst("\n", "\n{\"hour\":{\"ts\":\"soon\"}}\n");
        ApiClient.Response refused = api.postAs("metrics/history/restore", OPERATOR, NDJSON, broken);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("line 2");
        String cut = String.join("\n", lines.subList(0, lines.size() - 1));
        ApiClient.Response incomplete = api.postAs("metrics/history/restore", OPERATOR, NDJSON, cut);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body()).contains("the backup is incomplete");
        // the refused restores deleted nothing: what the first one restored is still there
        List<String> after =
                api.get("metrics/history/backup", VIEWER).body().lines().toList();
        assertThat(json(after.get(after.size() - 1)).getJsonNumber("insights").longValue())
                .isGreaterThanOrEqualTo(last.getJsonNumber("insights").longValue());

        assertThat(api.postAs("metrics/history/restore", VIEWER, NDJSON, backup.body())
                        .status())
                .as("a restore is a write: operators only")
                .isEqualTo(403);
    }

    @Test
    void theServerWritesBackupsOnATimerAndKeepsTheNewest() throws IOException {
        if (ItServer.isPayara()) {
            // the suite starts only WildFly's JVM with tideflow.history.backup.directory (arquillian.xml)
            return;
        }
        Path directory = Path.of(System.getProperty("it.history-backups"));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> backupsIn(directory).size() == 2);
        // the newest (the oldest may be deleted meanwhile: one is written every 2 s here)
        Path newest = backupsIn(directory).stream()
                .max(java.util.Comparator.comparing(Path::getFileName))
                .orElseThrow();
        List<String> lines = Files.readAllLines(newest);
        assertThat(json(lines.get(0)).getInt("tideflowHistoryBackup")).isEqualTo(1);
        assertThat(json(lines.get(lines.size() - 1)).getBoolean("backupComplete"))
                .isTrue();
        // newer backups replace these two; between a write and the deletion of the oldest there are three
        List<Path> first = backupsIn(directory);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    List<Path> now = backupsIn(directory);
                    assertThat(now).hasSizeLessThanOrEqualTo(3);
                    assertThat(now).hasSizeGreaterThanOrEqualTo(2).doesNotContainAnyElementsOf(first);
                });
    }

    private static List<Path> backupsIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("tideflow-history-.*\\.ndjson"))
                    .toList();
        }
    }

    private static JsonObject json(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }
}
