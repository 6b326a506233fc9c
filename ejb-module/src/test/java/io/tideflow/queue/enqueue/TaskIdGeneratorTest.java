package io.tideflow.queue.enqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TaskIdGeneratorTest {

    private final Clock frozen = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void idsOfTheSameMillisecondStillSortInTheOrderTheyWereMade() {
        TaskIdGenerator ids = new TaskIdGenerator(frozen);
        List<TaskId> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void idsAreVersion7UuidsCarryingTheMillisecond() {
        UUID uuid = UUID.fromString(new TaskIdGenerator(frozen).next().value());
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(frozen.millis());
    }

    @Test
    void laterMillisecondsGiveGreaterIds() {
        TaskId early = new TaskIdGenerator(frozen).next();
        TaskId late = new TaskIdGenerator(Clock.offset(frozen, java.time.Duration.ofMillis(1))).next();
        assertThat(late).isGreaterThan(early);
    }

    @Test
    void manyThreadsNeverGetTheSameId() throws Exception {
        TaskIdGenerator ids = new TaskIdGenerator(Clock.systemUTC());
        Set<TaskId> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 20_000; i++) {
                    seen.add(ids.next());
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(seen).hasSize(160_000);
    }
}
