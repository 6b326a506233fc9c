package io.tideflow.queue.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.admin.AlertKind;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.history.HistogramJson;
import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The anomaly detector on synthetic minute histories, on a clock the test sets. */
class AnomalyDetectorTest {

    private static final long MINUTE = 60_000L;
    private static final AnomalyDetector.Sensitivity DEFAULTS =
            AnomalyDetector.Sensitivity.of(ObservabilitySettings.defaults());
    private static final Instant NOW = Instant.parse("2026-12-02T10:30:20Z");
    private static final long THIS_MINUTE = Resolution.MINUTE.floor(NOW.toEpochMilli());

    @Test
    void aLatencySpikeAgainstAnHourOfNoisyMinutesIsFoundAndClearsOnceTheMinutesAreNormalAgain() {
        List<MetricRow> runs = new ArrayList<>();
        for (int m = 65; m > 5; m--) {
            runs.add(run(m, 90 + (m % 5) * 5, 10));
        }
        List<MetricRow> spike = new ArrayList<>(runs);
        for (int m = 5; m >= 0; m--) {
            spike.add(run(m, 800, 10));
        }

        List<AlertEvaluator.Firing> found = AnomalyDetector.detect(input(NOW, spike, List.of(), List.of()));

        assertThat(found).singleElement().satisfies(firing -> {
            assertThat(firing.rule().kind()).isEqualTo(AlertKind.LATENCY_SPIKE);
            assertThat(firing.group()).isEqualTo("mail");
            assertThat(firing.message()).contains("p95 execution of group mail is", "times its median of");
        });
        // twenty minutes later: the spike is in the baseline, the last minutes are back to normal
        List<MetricRow> later = new ArrayList<>(spike);
        for (int m = -1; m >= -20; m--) {
            later.add(run(m, 100, 10));
        }
        assertThat(AnomalyDetector.detect(input(NOW.plusSeconds(20 * 60), later, List.of(), List.of())))
                .isEmpty();
    }

    @Test
    void normalNoiseTooFewDurationsAndTooShortABaselineRaiseNothing() {
        List<MetricRow> baseline = new ArrayList<>();
        for (int m = 65; m > 5; m--) {
            baseline.add(run(m, 90 + (m % 5) * 5, 10));
        }
        List<MetricRow> noisy = new ArrayList<>(baseline);
        for (int m = 5; m >= 0; m--) {
            noisy.add(run(m, 140, 10));
        }
        List<MetricRow> few = new ArrayList<>(baseline);
        few.add(run(1, 5_000, 10));
        List<MetricRow> young = new ArrayList<>();
        for (int m = 8; m >= 0; m--) {
            young.add(run(m, m <= 5 ? 5_000 : 100, 10));
        }

        assertThat(AnomalyDetector.detect(input(NOW, noisy, List.of(), List.of())))
                .isEmpty();
        assertThat(AnomalyDetector.detect(input(NOW, few, List.of(), List.of())))
                .isEmpty();
        assertThat(AnomalyDetector.detect(input(NOW, young, List.of(), List.of())))
                .isEmpty();
    }

    @Test
    void anErrorSpikeIsFoundAbove3TimesTheMedianAndTenPointsAndNotBelow() {
        List<MetricRow> counts = new ArrayList<>();
        for (int m = 65; m > 5; m--) {
            counts.add(count(m, "completed", 49));
            counts.add(count(m, "failed", m % 2));
        }
        List<MetricRow> spiking = new ArrayList<>(counts);
        List<MetricRow> mild = new ArrayList<>(counts);
        for (int m = 5; m >= 0; m--) {
            spiking.add(count(m, "completed", 25));
            spiking.add(count(m, "failed", 25));
            mild.add(count(m, "completed", 46));
            mild.add(count(m, "failed", 4));
        }

        assertThat(AnomalyDetector.detect(input(NOW, List.of(), spiking, List.of())))
                .singleElement()
                .satisfies(firing -> {
                    assertThat(firing.rule().kind()).isEqualTo(AlertKind.ERROR_SPIKE);
                    assertThat(firing.observed()).isEqualTo(0.5);
                });
        assertThat(AnomalyDetector.detect(input(NOW, List.of(), mild, List.of())))
                .as("8 % against 1 %: above three times, but not ten points")
                .isEmpty();
    }

    @Test
    void aBacklogGrowingForTenMinutesIsFoundWithItsTimeToDrainAndAFlatOneIsNot() {
        List<MetricRow> growing = new ArrayList<>();
        List<MetricRow> flat = new ArrayList<>();
        for (int m = 10; m >= 1; m--) {
            growing.add(pending(m, 100 + (10 - m) * 50));
            flat.add(pending(m, m % 2 == 0 ? 500 : 480));
        }
        List<MetricRow> completed = new ArrayList<>();
        for (int m = 10; m >= 1; m--) {
            completed.add(count(m, "completed", 60));
        }

        List<AlertEvaluator.Firing> found = AnomalyDetector.detect(input(NOW, List.of(), completed, growing));

        assertThat(found).singleElement().satisfies(firing -> {
            assertThat(firing.rule().kind()).isEqualTo(AlertKind.BACKLOG_GROWTH);
            assertThat(firing.observed()).isEqualTo(550);
            assertThat(firing.message())
                    .isEqualTo("the waiting tasks of group mail grew from 100 to 550 over the last 10 min; at the"
                            + " current completion rate (1.00/s) it would take 9.2 min to drain with no new tasks");
        });
        assertThat(AnomalyDetector.detect(input(NOW, List.of(), completed, flat)))
                .isEmpty();
        assertThat(AnomalyDetector.detect(input(NOW, List.of(), completed, growing.subList(1, 10))))
                .as("nine minutes of samples")
                .isEmpty();
    }

    @Test
    void aRegisteredNodeWhoseFiguresStoppedIsMissedButNotOneThatLeftOrOneThatWrites() {
        List<MetricRow> heartbeats = new ArrayList<>();
        for (int m = 30; m >= 5; m--) {
            heartbeats.add(heartbeat(m, "node-a"));
            heartbeats.add(heartbeat(m, "node-b"));
        }
        for (int m = 30; m >= 0; m--) {
            heartbeats.add(heartbeat(m, "node-c"));
        }

        List<AlertEvaluator.Firing> found = AnomalyDetector.detect(new AnomalyDetector.Input(
                NOW, List.of(), List.of(), List.of(), List.of(), heartbeats, Set.of("node-a", "node-c"), DEFAULTS));

        assertThat(found).singleElement().satisfies(firing -> {
            assertThat(firing.rule().kind()).isEqualTo(AlertKind.NODE_SILENT);
            assertThat(firing.group()).isEqualTo("node-a");
            assertThat(firing.message()).startsWith("node node-a has written no figures for 4.3 min");
        });
    }

    @Test
    void theSpikeFactorAndTheBacklogsMinutesAreTheConfiguredOnes() {
        List<MetricRow> spike = new ArrayList<>();
        for (int m = 65; m > 5; m--) {
            spike.add(run(m, 90 + (m % 5) * 5, 10));
        }
        for (int m = 5; m >= 0; m--) {
            spike.add(run(m, 800, 10));
        }
        List<MetricRow> nineMinutesOfGrowth = new ArrayList<>();
        List<MetricRow> completed = new ArrayList<>();
        for (int m = 9; m >= 1; m--) {
            nineMinutesOfGrowth.add(pending(m, 100 + (10 - m) * 50));
            completed.add(count(m, "completed", 60));
        }
        AnomalyDetector.Sensitivity calm = new AnomalyDetector.Sensitivity(10, 15, Duration.ofMinutes(3));
        AnomalyDetector.Sensitivity quick = new AnomalyDetector.Sensitivity(3, 5, Duration.ofMinutes(3));

        assertThat(AnomalyDetector.detect(input(NOW, spike, List.of(), List.of(), calm)))
                .as("p95 about eight times its median, the factor ten")
                .isEmpty();
        assertThat(AnomalyDetector.detect(input(NOW, List.of(), completed, nineMinutesOfGrowth, calm)))
                .isEmpty();
        assertThat(AnomalyDetector.detect(input(NOW, List.of(), completed, nineMinutesOfGrowth, quick)))
                .singleElement()
                .satisfies(firing -> {
                    assertThat(firing.rule().threshold()).isEqualTo(5);
                    assertThat(firing.message())
                            .isEqualTo("the waiting tasks of group mail grew from 350 to 550 over the last 5 min; at"
                                    + " the current completion rate (1.00/s) it would take 9.2 min to drain with no"
                                    + " new tasks");
                });
    }

    private static AnomalyDetector.Input input(
            Instant now, List<MetricRow> runs, List<MetricRow> counts, List<MetricRow> pending) {
        return input(now, runs, counts, pending, DEFAULTS);
    }

    private static AnomalyDetector.Input input(
            Instant now,
            List<MetricRow> runs,
            List<MetricRow> counts,
            List<MetricRow> pending,
            AnomalyDetector.Sensitivity sensitivity) {
        return new AnomalyDetector.Input(
                now,
                runs,
                counts.stream()
                        .filter(row -> row.metricType().equals("completed"))
                        .toList(),
                counts.stream().filter(row -> row.metricType().equals("failed")).toList(),
                pending,
                List.of(),
                Set.of(),
                sensitivity);
    }

    /** Runs of one minute, {@code minutesAgo} before this one (negative: after it). */
    private static MetricRow run(int minutesAgo, double ms, int count) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < count; i++) {
            histogram.record(ms);
        }
        return new MetricRow(
                THIS_MINUTE - minutesAgo * MINUTE,
                Resolution.MINUTE,
                "mail",
                "run",
                "a",
                count,
                HistogramJson.write(histogram));
    }

    private static MetricRow count(int minutesAgo, String metric, double value) {
        return new MetricRow(THIS_MINUTE - minutesAgo * MINUTE, Resolution.MINUTE, "mail", metric, "a", value, null);
    }

    private static MetricRow pending(int minutesAgo, double mean) {
        return new MetricRow(
                THIS_MINUTE - minutesAgo * MINUTE,
                Resolution.MINUTE,
                "mail",
                "group.pending",
                "a",
                mean,
                "{\"samples\":12,\"min\":" + mean + ",\"max\":" + mean + "}");
    }

    private static MetricRow heartbeat(int minutesAgo, String node) {
        return new MetricRow(
                THIS_MINUTE - minutesAgo * MINUTE,
                Resolution.MINUTE,
                "*",
                "node.workers",
                node,
                8,
                "{\"samples\":12,\"min\":8.0,\"max\":8.0}");
    }
}
