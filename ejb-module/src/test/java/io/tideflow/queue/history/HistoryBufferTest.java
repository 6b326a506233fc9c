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
        List<MetricRow> early = buffer.drainMinutesEndedBy(T10.plusSeconds(59).toEpochMilli(), "n");
        assertThat(early).isEmpty();
        List<MetricRow> rows = buffer.drainMinutesEndedBy(T10.plusSeconds(60).toEpochMilli(), "n");
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
        assertThat(buffer.drainAll("n")).isEmpty();
    }

    @Test
    void chunksBecomeTheirCountDurationsTasksAndRollbacksPerGroup() {
        buffer.on(new ChunkFinished("idx", "search", 100, true, Duration.ofMillis(40), T10));
        buffer.on(new ChunkFinished("idx", "search", 60, true, Duration.ofMillis(80), T10.plusSeconds(1)));
        buffer.on(new ChunkFinished("idx", "search", 100, false, Duration.ofMillis(5), T10.plusSeconds(2)));

        List<MetricRow> rows = buffer.drainAll("n");
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
    void peekLeavesTheRowsAndDrainAllTakesTheCurrentMinuteToo() {
        buffer.on(new TaskStarted(TaskId.of(UUID.randomUUID().toString()), "t", "g", 1, "n", Duration.ZERO, T10));
        assertThat(buffer.peek("n")).hasSize(2);
        assertThat(buffer.drainAll("n")).hasSize(2);
        assertThat(buffer.peek("n")).isEmpty();
    }
}
