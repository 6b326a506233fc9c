package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.admin.Insight;
import io.tideflow.queue.api.admin.InsightSet;
import io.tideflow.queue.api.admin.InsightSeverity;
import io.tideflow.queue.history.HourlyRollup;
import io.tideflow.queue.store.reporting.InsightStore;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The metric history's rollup and retention, on a controlled clock. */
abstract class MetricHistoryContract extends DatabaseContract {

    private static final long T10 = Instant.parse("2026-06-01T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;

    @Test
    void closedHoursRollUpOnceSummingEveryNodesMinutes() {
        List<MetricRow> minutes = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            minutes.add(minute(T10 + m * MINUTE, "mail", "completed", "node-a", 2));
            minutes.add(minute(T10 + m * MINUTE, "mail", "completed", "node-b", 1));
        }
        minutes.add(minute(T10 + 65 * MINUTE, "mail", "completed", "node-a", 7));
        write(minutes);

        assertThat(rollUp(T10 + 70 * MINUTE)).isEqualTo(1);
        List<MetricRow> hours = read(Resolution.HOUR, 0, Long.MAX_VALUE);
        assertThat(hours).singleElement().satisfies(hour -> {
            assertThat(hour.ts()).isEqualTo(T10);
            assertThat(hour.value()).isEqualTo(180);
            assertThat(hour.node()).isEqualTo("*");
        });
        assertThat(rollUp(T10 + 70 * MINUTE))
                .as("the same hour is not rolled up again")
                .isZero();
        assertThat(rollUp(T10 + 2 * HOUR + MINUTE)).isEqualTo(1);
        assertThat(read(Resolution.HOUR, T10 + HOUR, T10 + 2 * HOUR))
                .singleElement()
                .satisfies(hour -> assertThat(hour.value()).isEqualTo(7));
    }

    @Test
    void nodesRollingUpAtOnceWriteEachHourExactlyOnce() throws Exception {
        List<MetricRow> minutes = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            for (int m = 0; m < 60; m += 5) {
                minutes.add(minute(T10 + h * HOUR + m * MINUTE, "g", "started", "node-a", 1));
            }
        }
        write(minutes);
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> written = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                written.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    return rollUp(T10 + 3 * HOUR + 5 * MINUTE);
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> rows : written) {
                total += rows.get();
            }
            assertThat(total).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        List<MetricRow> hours = read(Resolution.HOUR, 0, Long.MAX_VALUE);
        assertThat(hours).extracting(MetricRow::ts).containsExactly(T10, T10 + HOUR, T10 + 2 * HOUR);
        assertThat(hours).allSatisfy(hour -> assertThat(hour.value()).isEqualTo(12));
    }

    @Test
    void durationHistogramsMergeInTheRollup() {
        write(List.of(
                new MetricRow(
                        T10,
                        Resolution.MINUTE,
                        "g",
                        "run",
                        "node-a",
                        2,
                        "{\"sumMs\":30.0,\"maxMs\":20.0,\"buckets\":[0,0,0,1,0,1,0,0,0,0,0,0,0,0,0,0,0,0]}"),
                new MetricRow(
                        T10 + MINUTE,
                        Resolution.MINUTE,
                        "g",
                        "run",
                        "node-b",
                        1,
                        "{\"sumMs\":400.0,\"maxMs\":400.0,\"buckets\":[0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0]}")));
        rollUp(T10 + 2 * HOUR);
        assertThat(read(Resolution.HOUR, 0, Long.MAX_VALUE)).singleElement().satisfies(hour -> {
            assertThat(hour.value()).isEqualTo(3);
            assertThat(hour.metadata())
                    .contains(
                            "\"sumMs\":430.0", "\"maxMs\":400.0", "\"buckets\":[0,0,0,1,0,1,0,0,1,0,0,0,0,0,0,0,0,0]");
        });
    }

    @Test
    void retentionDeletesOnlyRowsOlderThanTheirResolutionKeepsThem() {
        long now = T10 + 48 * HOUR;
        write(List.of(
                minute(now - 25 * HOUR, "g", "started", "a", 1),
                minute(now - 23 * HOUR, "g", "started", "a", 1),
                new MetricRow(now - 31L * 24 * HOUR, Resolution.HOUR, "g", "started", "*", 1, null),
                new MetricRow(now - 29L * 24 * HOUR, Resolution.HOUR, "g", "started", "*", 1, null)));
        int deleted = db.inTransaction(em -> {
            MetricHistoryStore store = new MetricHistoryStore(em, db.dialect());
            return store.deleteOlderThan(Resolution.MINUTE, now - 24 * HOUR)
                    + store.deleteOlderThan(Resolution.HOUR, now - 30L * 24 * HOUR);
        });
        assertThat(deleted).isEqualTo(2);
        assertThat(read(Resolution.MINUTE, 0, Long.MAX_VALUE))
                .extracting(MetricRow::ts)
                .containsExactly(now - 23 * HOUR);
        assertThat(read(Resolution.HOUR, 0, Long.MAX_VALUE))
                .extracting(MetricRow::ts)
                .containsExactly(now - 29L * 24 * HOUR);
    }

    @Test
    void aNodeStartRewritesItsOwnRowsOfOneMinuteOnly() {
        write(List.of(
                written(T10, "node-a", "start-2", 5),
                written(T10, "node-a", "start-2", 6),
                written(T10, "node-a", "start-1", 1),
                written(T10, "node-b", "start-2", 2),
                written(T10 + MINUTE, "node-a", "start-2", 3)));

        int deleted = db.inTransaction(
                em -> new MetricHistoryStore(em, db.dialect()).deleteWritten(T10, "node-a", "start-2"));

        assertThat(deleted).isEqualTo(2);
        assertThat(read(Resolution.MINUTE, 0, Long.MAX_VALUE))
                .extracting(
                        row -> row.node() + "/" + row.writer() + "@" + (row.ts() - T10) / MINUTE + "=" + row.value())
                .containsExactlyInAnyOrder("node-a/start-1@0=1.0", "node-b/start-2@0=2.0", "node-a/start-2@1=3.0");
    }

    @Test
    void sampledFiguresRollUpPerNodeByTheirMeanNeverAddedAcrossNodes() {
        write(List.of(
                sampled(T10, "node-a", 100, "{\"samples\":12,\"min\":50.0,\"max\":150.0}"),
                sampled(T10 + MINUTE, "node-a", 200, "{\"samples\":12,\"min\":180.0,\"max\":260.0}"),
                sampled(T10, "node-b", 300, "{\"samples\":6,\"min\":300.0,\"max\":300.0}")));

        assertThat(rollUp(T10 + 2 * HOUR)).isEqualTo(2);

        assertThat(read(Resolution.HOUR, 0, Long.MAX_VALUE))
                .extracting(row -> row.node() + "=" + row.value() + " " + row.metadata())
                .containsExactlyInAnyOrder(
                        "node-a=150.0 {\"samples\":24,\"min\":50.0,\"max\":260.0}",
                        "node-b=300.0 {\"samples\":6,\"min\":300.0,\"max\":300.0}");
    }

    @Test
    void perTypeFiguresRollUpPerTypeAndStayOutOfTheGroupsRows() {
        write(List.of(
                perType(T10, "mail.send", "node-a", 3),
                perType(T10 + MINUTE, "mail.send", "node-b", 4),
                perType(T10, "mail.bounce", "node-a", 1),
                minute(T10, "mail", "completed", "node-a", 8)));

        assertThat(rollUp(T10 + 2 * HOUR)).isEqualTo(3);

        assertThat(read(Resolution.HOUR, 0, Long.MAX_VALUE))
                .as("the group's own rows")
                .extracting(row -> row.metricType() + "=" + row.value())
                .containsExactly("completed=8.0");
        List<MetricRow> types = db.inTransaction(
                em -> new MetricHistoryStore(em, db.dialect()).typesBetween(Resolution.HOUR, 0, Long.MAX_VALUE));
        assertThat(types)
                .extracting(row -> row.group() + "/" + row.type() + "/" + row.node() + "=" + row.value())
                .containsExactlyInAnyOrder("mail/mail.send/*=7.0", "mail/mail.bounce/*=1.0");
        List<MetricRow> completed = db.inTransaction(em -> new MetricHistoryStore(em, db.dialect())
                .figureBetween(Resolution.MINUTE, 0, Long.MAX_VALUE, "completed"));
        assertThat(completed).extracting(MetricRow::value).containsExactly(8.0);
    }

    @Test
    void theNewestSetOfInsightsIsReadWholeAndSetsPastTheirRetentionAreDeleted() {
        Instant first = Instant.ofEpochMilli(T10);
        Instant second = first.plusSeconds(300);
        db.inTransaction(em -> {
            InsightStore store = new InsightStore(em, db.dialect());
            store.insertAll(first, List.of(insight("old", null)));
            store.insertAll(second, List.of(insight("mail.send slower", 120.0), insight("mail.send slowest", null)));
            return null;
        });

        InsightSet newest = db.inTransaction(em -> new InsightStore(em, db.dialect()).newest());
        assertThat(newest.computedAt()).isEqualTo(second);
        assertThat(newest.insights())
                .extracting(i -> i.message() + " " + i.baseline())
                .containsExactly("mail.send slower 120.0", "mail.send slowest null");

        int deleted = db.inTransaction(em -> new InsightStore(em, db.dialect()).deleteOlderThan(second));
        assertThat(deleted).isEqualTo(1);
        InsightSet kept = db.inTransaction(em -> new InsightStore(em, db.dialect()).newest());
        assertThat(kept.computedAt()).isEqualTo(second);
    }

    private static Insight insight(String message, Double baseline) {
        return new Insight(
                "SLOWER_THAN_BASELINE", InsightSeverity.WARNING, "mail", "mail.send", null, 300, baseline, message);
    }

    private static MetricRow perType(long ts, String type, String node, double value) {
        return new MetricRow(ts, Resolution.MINUTE, "mail", "type.completed", node, value, null, "start-1", type);
    }

    private static MetricRow written(long ts, String node, String writer, double value) {
        return new MetricRow(ts, Resolution.MINUTE, "g", "started", node, value, null, writer);
    }

    private static MetricRow sampled(long ts, String node, double mean, String samples) {
        return new MetricRow(ts, Resolution.MINUTE, "*", "node.heap.used", node, mean, samples, "start-1");
    }

    private static MetricRow minute(long ts, String group, String metric, String node, double value) {
        return new MetricRow(ts, Resolution.MINUTE, group, metric, node, value, null);
    }

    private void write(List<MetricRow> rows) {
        db.inTransaction(em -> {
            new MetricHistoryStore(em, db.dialect()).insertAll(rows);
            return null;
        });
    }

    private int rollUp(long cutoff) {
        return db.inTransaction(em -> HourlyRollup.run(new MetricHistoryStore(em, db.dialect()), cutoff));
    }

    private List<MetricRow> read(Resolution resolution, long from, long to) {
        return db.inTransaction(em -> new MetricHistoryStore(em, db.dialect()).between(resolution, from, to, null));
    }
}
