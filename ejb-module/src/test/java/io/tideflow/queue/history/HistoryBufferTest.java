package io.tideflow.queue.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.event.ChunkFinished;
import io.tideflow.queue.api.event.GroupPaused;
import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskFailed;
import io.tideflow.queue.api.event.TaskStarted;
import io.tideflow.queue.store.reporting.MetricRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HistoryBufferTest {

    private static final Instant T10 = Instant.parse("2026-11-28T10:00:00Z");

    private final HistoryBuffer buffer = new HistoryBuffer();

    @Test
    void eventsBecomeOneRowPerMinuteGroupAndFigureAndOnlyEndedMinutesAreDrained() {
        for (int i = 0; i < 1_000; i++) {
            TaskId id = TaskId.of(UUID.randomUUID().toString());
            Instant at = T10.plusMillis(i * 50L);
            buffer.on(new TaskStarted(id, "t", "g", 1, "n", Duration.ofMillis(10), at));
            buffer.on(new TaskCompleted(id, "t", "g", 1, Duration.ofMillis(100), at));
        }
        buffer.on(new TaskFailed(
                TaskId.of(UUID.randomUUID().toString()),
                "t",
                "other",
                1,
                ErrorClass.TRANSIENT,
                "x",
                Duration.ofMillis(1),
                T10));
        buffer.on(new GroupPaused("g", T10));

        // 1,000 events 50 ms apart span 10:00:00 to 10:00:49.95: one minute
        Map<Long, List<MetricRow>> changed = buffer.takeChanged("n");
        assertThat(changed).containsOnlyKeys(T10.toEpochMilli());
        List<MetricRow> rows = changed.get(T10.toEpochMilli()).stream()
                .filter(row -> row.type() == null)
                .toList();
        assertThat(changed.get(T10.toEpochMilli()))
                .filteredOn(row -> row.type() != null)
                .extracting(row -> row.group() + "/" + row.type() + "/" + row.metricType() + "=" + (long) row.value())
                .containsExactlyInAnyOrder(
                        "g/t/type.started=1000",
                        "g/t/type.wait=1000",
                        "g/t/type.completed=1000",
                        "g/t/type.run=1000",
                        "other/t/type.failed=1",
                        "other/t/type.run=1");
        assertThat(rows)
                .extracting(row -> row.group() + "/" + row.metricType() + "=" + (long) row.value())
                .containsExactlyInAnyOrder(
                        "g/started=1000",
                        "g/wait=1000",
                        "g/completed=1000",
                        "g/run=1000",
                        "other/failed=1",
                        "other/run=1");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.ts()).isEqualTo(T10.toEpochMilli());
            assertThat(row.node()).isEqualTo("n");
        });
        assertThat(rows)
                .filteredOn(row -> row.metricType().equals("run") && row.group().equals("g"))
                .singleElement()
                // all 1,000 took 100 ms: bucket (50, 100], interpolated to 50 + 50 * 990/1000
                .satisfies(row -> assertThat(HistogramJson.read(row.metadata()).percentileMs(0.99))
                        .isCloseTo(99.5, within(0.001)));
        assertThat(buffer.takeChanged("n")).isEmpty();
    }

    @Test
    void chunksBecomeTheirCountDurationsTasksAndRollbacksPerGroup() {
        buffer.on(new ChunkFinished("idx", "search", 100, true, Duration.ofMillis(40), T10));
        buffer.on(new ChunkFinished("idx", "search", 60, true, Duration.ofMillis(80), T10.plusSeconds(1)));
        buffer.on(new ChunkFinished("idx", "search", 100, false, Duration.ofMillis(5), T10.plusSeconds(2)));

        List<MetricRow> rows = buffer.takeChanged("n").get(T10.toEpochMilli());
        assertThat(rows)
                .extracting(row -> row.metricType() + "=" + row.value())
                .containsExactlyInAnyOrder("chunks=2.0", "chunk_tasks=160.0", "chunks_rolled_back=1.0");
        MetricRow chunks = rows.stream()
                .filter(row -> row.metricType().equals(HistoryMetric.CHUNKS))
                .findFirst()
                .orElseThrow();
        assertThat(HistogramJson.read(chunks.metadata()).count()).isEqualTo(2);
        assertThat(rows).allSatisfy(row -> assertThat(row.group()).isEqualTo("search"));
    }

    @Test
    void anOpenMinuteIsTakenWholeAgainEachTimeItChangesAndNamesItsWriter() {
        HistoryBuffer written = new HistoryBuffer("start-1");
        written.on(started(T10));
        assertThat(written.takeChanged("n").get(T10.toEpochMilli()))
                .filteredOn(row -> row.metricType().equals(HistoryMetric.STARTED))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.value()).isEqualTo(1);
                    assertThat(row.writer()).isEqualTo("start-1");
                });
        assertThat(written.takeChanged("n")).as("nothing changed since").isEmpty();

        written.on(started(T10.plusSeconds(30)));
        written.on(started(T10.plusSeconds(61)));
        Map<Long, List<MetricRow>> again = written.takeChanged("n");
        assertThat(again)
                .containsOnlyKeys(T10.toEpochMilli(), T10.plusSeconds(60).toEpochMilli());
        assertThat(again.get(T10.toEpochMilli()))
                .filteredOn(row -> row.metricType().equals(HistoryMetric.STARTED))
                .singleElement()
                .satisfies(row -> assertThat(row.value())
                        .as("the whole minute, not what changed")
                        .isEqualTo(2));
    }

    @Test
    void aMinuteWhoseWriteFailedIsTakenAgainAndNeverSealedBeforeItIsWritten() {
        buffer.on(started(T10));
        Map<Long, List<MetricRow>> failed = buffer.takeChanged("n");
        buffer.changedAgain(failed.keySet());

        assertThat(buffer.seal(T10.plusSeconds(600).toEpochMilli(), 1_000)).isZero();
        assertThat(buffer.peek("n").minutes()).as("still held").contains(T10.toEpochMilli());
        assertThat(buffer.takeChanged("n")).containsOnlyKeys(T10.toEpochMilli());

        buffer.seal(T10.plusSeconds(600).toEpochMilli(), 1_000);
        assertThat(buffer.peek("n").rows()).isEmpty();
    }

    @Test
    void anEventOfASealedMinuteCountsInTheOldestOpenOne() {
        buffer.on(started(T10));
        buffer.takeChanged("n");
        buffer.seal(T10.plusSeconds(120).toEpochMilli(), 1_000);

        buffer.on(started(T10.plusSeconds(5)));
        assertThat(buffer.takeChanged("n"))
                .containsOnlyKeys(T10.plusSeconds(120).toEpochMilli());
    }

    @Test
    void beyondTheMostFiguresHeldTheOldestUnwrittenMinutesAreDroppedButNeverAnOpenOne() {
        for (int minute = 0; minute < 5; minute++) {
            buffer.on(started(T10.plusSeconds(60L * minute)));
        }
        buffer.changedAgain(buffer.takeChanged("n").keySet());

        // four figures a minute (started and wait, of the group and of the type); at most 8 held: three minutes go
        int dropped = buffer.seal(T10.plusSeconds(240).toEpochMilli(), 8);

        assertThat(dropped).isEqualTo(12);
        assertThat(buffer.peek("n").minutes())
                .containsExactlyInAnyOrder(
                        T10.plusSeconds(180).toEpochMilli(),
                        T10.plusSeconds(240).toEpochMilli());
    }

    @Test
    void sampledFiguresKeepTheirMeanLeastAndMostPerMinuteGroupAndFigure() {
        buffer.sampled(T10.toEpochMilli(), List.of(new FigureSample("*", SampledFigure.HEAP_USED, 100)));
        buffer.sampled(
                T10.plusSeconds(5).toEpochMilli(),
                List.of(
                        new FigureSample("*", SampledFigure.HEAP_USED, 300),
                        new FigureSample("*", SampledFigure.CPU_PROCESS, Double.NaN)));

        MetricRow heap = buffer.takeChanged("n").get(T10.toEpochMilli()).stream()
                .filter(row -> row.metricType().equals(SampledFigure.HEAP_USED))
                .findFirst()
                .orElseThrow();
        assertThat(heap.value()).isEqualTo(200);
        assertThat(GaugeJson.read(heap.value(), heap.metadata())).isEqualTo(new GaugeJson.Samples(2, 400, 100, 300));
        assertThat(buffer.peek("n").rows())
                .as("a figure that could not be read is left out")
                .noneMatch(row -> row.metricType().equals(SampledFigure.CPU_PROCESS));
    }

    private static TaskStarted started(Instant at) {
        return new TaskStarted(TaskId.of(UUID.randomUUID().toString()), "t", "g", 1, "n", Duration.ZERO, at);
    }
}
