package io.tideflow.queue.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideflow.queue.api.admin.GroupMetrics;
import io.tideflow.queue.api.admin.MetricPoint;
import io.tideflow.queue.api.admin.NodeFigures;
import io.tideflow.queue.api.admin.SampledSummary;
import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummariesTest {

    private static final long T = 1_700_000_000_000L - 1_700_000_000_000L % 3_600_000L;

    @Test
    void throughputErrorRateAndPercentilesComeFromEveryNodesRows() {
        LatencyHistogram runsA = new LatencyHistogram();
        LatencyHistogram runsB = new LatencyHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            (ms % 2 == 0 ? runsA : runsB).record(ms);
        }
        List<MetricRow> rows = List.of(
                row(T, "mail", "completed", "a", 540),
                row(T + 60_000, "mail", "completed", "b", 60),
                row(T, "mail", "failed", "a", 150),
                row(T, "mail", "enqueued", "b", 800),
                new MetricRow(T, Resolution.MINUTE, "mail", "run", "a", 50, HistogramJson.write(runsA)),
                new MetricRow(T, Resolution.MINUTE, "mail", "run", "b", 50, HistogramJson.write(runsB)),
                row(T, "sms", "completed", "a", 1));

        List<GroupMetrics> groups = Summaries.byGroup(rows, Duration.ofMinutes(10));

        assertThat(groups).extracting(GroupMetrics::group).containsExactly("mail", "sms");
        GroupMetrics mail = groups.get(0);
        assertThat(mail.completed()).isEqualTo(600);
        assertThat(mail.enqueued()).isEqualTo(800);
        assertThat(mail.throughputPerSecond()).isCloseTo(1.0, within(1e-9));
        assertThat(mail.errorRate()).isCloseTo(0.2, within(1e-9));
        assertThat(mail.execution().count()).isEqualTo(100);
        assertThat(mail.execution().p50Ms()).isCloseTo(50, within(0.001));
        assertThat(mail.execution().p99Ms()).isCloseTo(99, within(0.001));
        assertThat(mail.execution().maxMs()).isEqualTo(100);
        assertThat(mail.queueWait().count()).isZero();
        assertThat(groups.get(1).errorRate()).isZero();
    }

    @Test
    void chunkFiguresAreTheirOwnAndNeverMixWithTheTasksRunTimes() {
        LatencyHistogram chunkTimes = new LatencyHistogram();
        for (int ms = 1; ms <= 10; ms++) {
            chunkTimes.record(ms * 100);
        }
        List<MetricRow> rows = List.of(
                row(T, "idx", "completed", "a", 900),
                new MetricRow(T, Resolution.MINUTE, "idx", "chunks", "a", 10, HistogramJson.write(chunkTimes)),
                row(T, "idx", "chunk_tasks", "a", 900),
                row(T, "idx", "chunks_rolled_back", "b", 2),
                row(T, "plain", "completed", "a", 5));

        List<GroupMetrics> groups = Summaries.byGroup(rows, Duration.ofMinutes(1));

        GroupMetrics idx = groups.get(0);
        assertThat(idx.execution().count())
                .as("chunk durations are not attempts' run times")
                .isZero();
        assertThat(idx.chunks().committed()).isEqualTo(10);
        assertThat(idx.chunks().rolledBack()).isEqualTo(2);
        assertThat(idx.chunks().tasks()).isEqualTo(900);
        assertThat(idx.chunks().averageSize()).isCloseTo(90, within(1e-9));
        assertThat(idx.chunks().tasksPerSecond()).isCloseTo(15, within(1e-9));
        assertThat(idx.chunks().successRate()).isCloseTo(10.0 / 12, within(1e-9));
        assertThat(idx.chunks().duration().count()).isEqualTo(10);
        assertThat(idx.chunks().duration().maxMs()).isEqualTo(1000);
        assertThat(groups.get(1).chunks()).as("a group without chunks").isNull();
    }

    @Test
    void aSeriesHasOnePointPerStartAddingTheNodes() {
        List<MetricPoint> points = Summaries.series(List.of(
                row(T, "g", "completed", "a", 2),
                row(T, "g", "completed", "b", 3),
                row(T + 60_000, "g", "completed", "a", 1)));
        assertThat(points).extracting(MetricPoint::value).containsExactly(5.0, 1.0);
        assertThat(points.get(0).latency()).isNull();
    }

    @Test
    void sampledFiguresAreSummedUpPerNodeAndPerGroupByTheirSamplesNeverCountedAsTasks() {
        List<MetricRow> rows = List.of(
                sampled(T, "*", SampledFigure.WORKERS_USE, "a", 50, 10, 0, 100),
                sampled(T + 60_000, "*", SampledFigure.WORKERS_USE, "a", 80, 30, 40, 100),
                sampled(T, "*", SampledFigure.WORKERS_USE, "b", 10, 12, 0, 20),
                sampled(T, "mail", SampledFigure.GROUP_AT_LIMIT, "a", 25, 12, 0, 100),
                sampled(T, "mail", SampledFigure.GROUP_AT_LIMIT, "b", 75, 12, 0, 100),
                row(T, "mail", "completed", "a", 6));

        List<NodeFigures> nodes = Summaries.byNode(rows);
        assertThat(nodes).extracting(NodeFigures::node).containsExactly("a", "b");
        SampledSummary busyA = nodes.get(0).figures().get(SampledFigure.WORKERS_USE);
        assertThat(busyA.mean()).as("(50 x 10 + 80 x 30) / 40").isCloseTo(72.5, within(1e-9));
        assertThat(busyA.samples()).isEqualTo(40);
        assertThat(busyA.min()).isZero();
        assertThat(busyA.max()).isEqualTo(100);

        List<GroupMetrics> groups = Summaries.byGroup(rows, Duration.ofMinutes(1));
        assertThat(groups).extracting(GroupMetrics::group).containsExactly("mail");
        assertThat(groups.get(0).completed()).isEqualTo(6);
        assertThat(groups.get(0).utilization().get(SampledFigure.GROUP_AT_LIMIT).mean())
                .as("both nodes' samples")
                .isCloseTo(50, within(1e-9));
    }

    @Test
    void aSampledSeriesIsTheMeanOfEveryNodesSamplesAndRollsUpPerNode() {
        List<MetricRow> rows = List.of(
                sampled(T, "*", SampledFigure.HEAP_USED, "a", 100, 6, 100, 100),
                sampled(T, "*", SampledFigure.HEAP_USED, "b", 300, 2, 300, 300),
                sampled(T + 60_000, "*", SampledFigure.HEAP_USED, "a", 200, 6, 200, 200));

        assertThat(Summaries.series(rows)).extracting(MetricPoint::value).containsExactly(150.0, 200.0);

        List<MetricRow> hours = Rollup.into(Resolution.HOUR, rows);
        assertThat(hours)
                .extracting(row -> row.node() + "=" + row.value())
                .containsExactlyInAnyOrder("a=150.0", "b=300.0");
    }

    private static MetricRow sampled(
            long ts, String group, String metric, String node, double mean, long samples, double min, double max) {
        return new MetricRow(
                ts,
                Resolution.MINUTE,
                group,
                metric,
                node,
                mean,
                GaugeJson.write(new GaugeJson.Samples(samples, mean * samples, min, max)));
    }

    private static MetricRow row(long ts, String group, String metric, String node, double value) {
        return new MetricRow(ts, Resolution.MINUTE, group, metric, node, value, null);
    }
}
