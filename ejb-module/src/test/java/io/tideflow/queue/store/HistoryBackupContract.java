package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.Insight;
import io.tideflow.queue.api.admin.InsightSeverity;
import io.tideflow.queue.api.admin.RestoreCounts;
import io.tideflow.queue.backup.BackupFile;
import io.tideflow.queue.history.HourlyRollup;
import io.tideflow.queue.store.reporting.InsightStore;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A backup of the history's hours and the insights, restored into emptied tables, as into a fresh database. */
abstract class HistoryBackupContract extends DatabaseContract {

    private static final long HOUR = 3_600_000L;
    private static final Instant NOW = Instant.parse("2026-12-02T10:20:00Z");
    private static final long T = MetricRow.Resolution.HOUR.floor(NOW.toEpochMilli());
    private static final Duration HOUR_RETENTION = Duration.ofDays(30);

    @Test
    void aBackupRestoredIntoAnEmptyHistoryGivesBackEveryHourAndInsightAndTheRollupDoesNotRepeatThem() {
        List<MetricRow> minutes = new ArrayList<>();
        for (int h = 1; h <= 30; h++) {
            minutes.add(minute(T - h * HOUR, "mail", "completed", null, h));
            minutes.add(minute(T - h * HOUR + 60_000, "mail", "type.completed", "mail.send", h));
        }
        inTx(store -> {
            store.insertAll(minutes);
            HourlyRollup.run(store, T);
        });
        db.inTransaction(em -> {
            InsightStore insights = new InsightStore(em, db.dialect());
            insights.insertAll(NOW.minusSeconds(600), List.of(insight("before", 2.0)));
            insights.insertAll(NOW.minusSeconds(300), List.of(insight("last", null), insight("also last", 1.5)));
            return null;
        });
        List<String> hoursBefore = hours();

        String backup = backup();
        emptyTheHistory();
        RestoreCounts restored = restore(backup);

        assertThat(restored.hours()).isEqualTo(60);
        assertThat(restored.insights()).isEqualTo(3);
        assertThat(restored.skippedPastRetention()).isZero();
        assertThat(hours()).containsExactlyInAnyOrderElementsOf(hoursBefore);
        assertThat(db.inTransaction(em -> new InsightStore(em, db.dialect()).newest())
                        .insights())
                .extracting(i -> i.message() + " " + i.baseline())
                .containsExactly("last null", "also last 1.5");
        // the minutes of those hours are still here: the rollup must not count them a second time
        inTx(store -> assertThat(HourlyRollup.run(store, T)).isZero());
        assertThat(hours()).hasSize(60);
        // a second restore of the same backup replaces what the first wrote
        restore(backup);
        assertThat(hours()).containsExactlyInAnyOrderElementsOf(hoursBefore);
    }

    @Test
    void whatIsPastItsRetentionNowIsLeftOutAndABadLineChangesNothing() {
        inTx(store -> {
            store.insertAll(List.of(
                    minute(T - 29L * 24 * HOUR, "old", "completed", null, 1),
                    minute(T - 2 * HOUR, "mail", "completed", null, 5)));
            HourlyRollup.run(store, T);
        });
        String backup = backup();
        emptyTheHistory();

        // restored two days after it was written: the oldest hour is 31 days old by then
        RestoreCounts restored = restore(backup, NOW.plus(Duration.ofDays(2)));
        assertThat(restored.skippedPastRetention()).isEqualTo(1);
        assertThat(hours()).containsExactly("mail/completed/null/*=5.0");

        String[] lines = backup.split("\n");
        lines[1] = "{\"hour\":{\"ts\":\"soon\"}}";
        String broken = String.join("\n", lines);
        emptyTheHistory();
        assertThatThrownBy(() -> restore(broken))
                .isInstanceOf(InvalidTaskRequestException.class)
                .hasMessageContaining("line 2");
        assertThat(hours()).as("the transaction rolled back").isEmpty();
        String cut = String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1));
        assertThatThrownBy(() -> restore(cut.replace("{\"hour\":{\"ts\":\"soon\"}}", backup.split("\n")[1])))
                .isInstanceOf(InvalidTaskRequestException.class)
                .hasMessageContaining("the backup is incomplete");
    }

    private String backup() {
        StringWriter out = new StringWriter();
        db.inTransaction(em -> {
            new BackupFile(new MetricHistoryStore(em, db.dialect()), new InsightStore(em, db.dialect()), HOUR_RETENTION)
                    .write(out, NOW);
            return null;
        });
        return out.toString();
    }

    private RestoreCounts restore(String backup) {
        return restore(backup, NOW);
    }

    private RestoreCounts restore(String backup, Instant at) {
        return db.inTransaction(em -> new BackupFile(
                        new MetricHistoryStore(em, db.dialect()), new InsightStore(em, db.dialect()), HOUR_RETENTION)
                .restore(new BufferedReader(new StringReader(backup)), at));
    }

    private void emptyTheHistory() {
        db.execute("DELETE FROM metrics WHERE resolution = 'HOUR'");
        db.execute("DELETE FROM insights");
        db.execute("UPDATE metric_rollups SET rolled_until = 0");
    }

    private List<String> hours() {
        return db.inTransaction(em -> {
            MetricHistoryStore store = new MetricHistoryStore(em, db.dialect());
            List<MetricRow> rows = new ArrayList<>(store.between(Resolution.HOUR, 0, Long.MAX_VALUE, null));
            rows.addAll(store.typesBetween(Resolution.HOUR, 0, Long.MAX_VALUE));
            return rows.stream()
                    .map(r -> r.group() + "/" + r.metricType() + "/" + r.type() + "/" + r.node() + "=" + r.value())
                    .toList();
        });
    }

    private void inTx(java.util.function.Consumer<MetricHistoryStore> work) {
        db.inTransaction(em -> {
            work.accept(new MetricHistoryStore(em, db.dialect()));
            return null;
        });
    }

    private static MetricRow minute(long ts, String group, String metric, String type, double value) {
        return new MetricRow(ts, Resolution.MINUTE, group, metric, "node-a", value, null, "start-1", type);
    }

    private static Insight insight(String message, Double baseline) {
        return new Insight("SLOWEST_TYPE", InsightSeverity.INFO, "mail", "mail.send", null, 42, baseline, message);
    }
}
