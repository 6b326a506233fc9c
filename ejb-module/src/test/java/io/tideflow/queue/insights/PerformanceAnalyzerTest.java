package io.tideflow.queue.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.admin.Insight;
import io.tideflow.queue.api.admin.InsightSeverity;
import io.tideflow.queue.history.HistogramJson;
import io.tideflow.queue.history.SampledFigure;
import io.tideflow.queue.metrics.LatencyHistogram;
import io.tideflow.queue.store.reporting.MetricRow;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyzer on synthetic histories: what it must find, and the noise and thin data it must leave alone. */
class PerformanceAnalyzerTest {

    private static final long NOW = Instant.parse("2026-12-02T10:20:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Test
    void aTypeFarSlowerThanItsSameHourBaselineIsFoundAndSeverityGrowsWithTheRatio() {
        List<MetricRow> baseline = sameHourDays(5, "mail.send", 100, 100);

        List<Insight> slower = PerformanceAnalyzer.analyze(input(recentRuns("mail.send", 400, 100), baseline));
        List<Insight> muchSlower = PerformanceAnalyzer.analyze(input(recentRuns("mail.send", 4_000, 100), baseline));

        assertThat(slower)
                .filteredOn(insight -> insight.kind().equals("SLOWER_THAN_BASELINE"))
                .singleElement()
                .satisfies(insight -> {
                    assertThat(insight.severity()).isEqualTo(InsightSeverity.WARNING);
                    assertThat(insight.type()).isEqualTo("mail.send");
                    assertThat(insight.group()).isEqualTo("mail");
                    assertThat(insight.observed() / insight.baseline()).isBetween(2.0, 5.0);
                    assertThat(insight.message())
                            .contains("mail.send in group mail: p95 execution", "the same hour on the last 7 days");
                });
        assertThat(muchSlower)
                .filteredOn(insight -> insight.kind().equals("SLOWER_THAN_BASELINE"))
                .singleElement()
                .satisfies(insight -> assertThat(insight.severity()).isEqualTo(InsightSeverity.CRITICAL));
        assertThat(muchSlower.get(0).kind()).as("most severe first").isEqualTo("SLOWER_THAN_BASELINE");
    }

    @Test
    void normalNoiseAndTooFewSamplesRaiseNothingButTheSlowestTypes() {
        List<MetricRow> baseline = sameHourDays(5, "mail.send", 100, 100);
        List<MetricRow> recent = new ArrayList<>(recentRuns("mail.send", 120, 100));
        recent.addAll(recentRuns("mail.rare", 60_000, 10));

        List<Insight> insights = PerformanceAnalyzer.analyze(input(recent, baseline));

        assertThat(insights).extracting(Insight::kind).containsExactly("SLOWEST_TYPE");
        assertThat(insights.get(0).type())
                .as("a type with 10 attempts is no finding")
                .isEqualTo("mail.send");
    }

    @Test
    void aYoungTypeIsComparedWithItsLastDay() {
        List<MetricRow> lastDay = new ArrayList<>();
        for (int h = 1; h <= 5; h++) {
            lastDay.add(run(Resolution.HOUR, NOW - h * HOUR, "mail.send", 100, 50));
        }

        List<Insight> insights = PerformanceAnalyzer.analyze(new PerformanceAnalyzer.Input(
                WINDOW,
                recentRuns("mail.send", 1_000, 100),
                sameHourDays(2, "mail.send", 100, 100),
                lastDay,
                List.of()));

        assertThat(insights)
                .filteredOn(insight -> insight.kind().equals("SLOWER_THAN_BASELINE"))
                .singleElement()
                .satisfies(insight -> assertThat(insight.message()).contains("(the last 24 hours)"));
    }

    @Test
    void theMostRetriedTypesAreNamedWithTheirShare() {
        List<MetricRow> recent = List.of(
                count(NOW - 60_000, "flaky.call", "type.started", 100),
                count(NOW - 60_000, "flaky.call", "type.retried", 60),
                count(NOW - 60_000, "fine.call", "type.started", 100),
                count(NOW - 60_000, "fine.call", "type.retried", 2));

        List<Insight> insights = PerformanceAnalyzer.analyze(input(recent, List.of()));

        assertThat(insights).singleElement().satisfies(insight -> {
            assertThat(insight.kind()).isEqualTo("MOST_RETRIED");
            assertThat(insight.type()).isEqualTo("flaky.call");
            assertThat(insight.severity()).isEqualTo(InsightSeverity.WARNING);
            assertThat(insight.message()).contains("60 of 100 attempts", "(60 %)");
        });
    }

    @Test
    void groupsAtTheirLimitsAndNodesShortOfAResourceAreFoundAndAQuietNodeIsNot() {
        List<MetricRow> sampled = List.of(
                sampled("mail", SampledFigure.GROUP_AT_LIMIT, "a", 90, 180),
                sampled("quiet", SampledFigure.GROUP_AT_LIMIT, "a", 10, 180),
                sampled("*", SampledFigure.POOL_USE, "a", 95, 180),
                sampled("*", SampledFigure.POOL_WAITING, "a", 3, 180),
                sampled("*", SampledFigure.WORKERS_USE, "a", 100, 180),
                sampled("*", SampledFigure.CLAIM_AHEAD, "a", 12, 180),
                sampled("*", SampledFigure.DISK_FREE, "a", 100L << 20, 180),
                sampled("*", SampledFigure.POOL_USE, "b", 20, 180),
                sampled("*", SampledFigure.WORKERS_USE, "b", 100, 180),
                sampled("*", SampledFigure.CLAIM_AHEAD, "b", 0, 180),
                sampled("*", SampledFigure.DISK_FREE, "b", 50L << 30, 180),
                sampled("*", SampledFigure.HEAP_USED, "c", 100, 5),
                sampled("*", SampledFigure.HEAP_MAX, "c", 100, 5));

        List<Insight> insights = PerformanceAnalyzer.analyze(
                new PerformanceAnalyzer.Input(WINDOW, List.of(), List.of(), List.of(), sampled));

        assertThat(insights)
                .extracting(insight -> insight.severity() + " " + insight.kind() + " "
                        + (insight.node() == null ? insight.group() : insight.node()))
                .containsExactlyInAnyOrder(
                        "CRITICAL NODE_SHORT a",
                        "WARNING NODE_SHORT a",
                        "WARNING NODE_SHORT a",
                        "WARNING GROUP_SATURATED mail");
        assertThat(insights.get(0).message()).contains("node a is short of disk: 0.1 GiB free");
        assertThat(insights)
                .extracting(Insight::message)
                .anySatisfy(message -> assertThat(message).contains("short of database connections"))
                .anySatisfy(message -> assertThat(message).contains("short of workers"));
    }

    private static PerformanceAnalyzer.Input input(List<MetricRow> recent, List<MetricRow> sameHour) {
        return new PerformanceAnalyzer.Input(WINDOW, recent, sameHour, List.of(), List.of());
    }

    /** {@code count} runs of {@code ms} each, spread over the window's minutes. */
    private static List<MetricRow> recentRuns(String type, double ms, int count) {
        List<MetricRow> rows = new ArrayList<>();
        for (int minute = 1; minute <= 5; minute++) {
            rows.add(run(Resolution.MINUTE, NOW - minute * 60_000L, type, ms, count / 5));
        }
        return rows;
    }

    private static List<MetricRow> sameHourDays(int days, String type, double ms, int count) {
        List<MetricRow> rows = new ArrayList<>();
        for (int day = 1; day <= days; day++) {
            rows.add(run(Resolution.HOUR, Resolution.HOUR.floor(NOW) - day * DAY, type, ms, count));
        }
        return rows;
    }

    private static MetricRow run(Resolution resolution, long ts, String type, double ms, int count) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < count; i++) {
            histogram.record(ms);
        }
        return new MetricRow(
                ts, resolution, "mail", "type.run", "*", count, HistogramJson.write(histogram), null, type);
    }

    private static MetricRow count(long ts, String type, String metric, double value) {
        return new MetricRow(ts, Resolution.MINUTE, "calls", metric, "a", value, null, null, type);
    }

    private static MetricRow sampled(String group, String metric, String node, double mean, long samples) {
        return new MetricRow(
                NOW - 60_000,
                Resolution.MINUTE,
                group,
                metric,
                node,
                mean,
                "{\"samples\":" + samples + ",\"min\":" + mean + ",\"max\":" + mean + "}");
    }
}
