package io.tideflow.queue.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.store.CompletionWriter.Completion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletionQueueTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void aLoneCompletionIsWrittenAtOnce() {
        CompletionQueue queue = new CompletionQueue(executor, recordingWriter());
        AtomicInteger afterWrite = new AtomicInteger();
        queue.submit(completion(), afterWrite::incrementAndGet);
        assertThat(queue.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(batchSizes).containsExactly(1);
        assertThat(afterWrite).hasValue(1);
    }

    @Test
    void completionsHandedOverDuringAWriteShareTheNextOne() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        CompletionQueue queue = new CompletionQueue(executor, batch -> {
            batchSizes.add(batch.size());
            if (batchSizes.size() == 1) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            return List.of();
        });
        queue.submit(completion(), () -> {});
        await(firstWriteStarted);
        for (int i = 0; i < 40; i++) {
            queue.submit(completion(), () -> {});
        }
        assertThat(queue.awaitWritten(Duration.ofMillis(100)))
                .as("the first write is still held")
                .isFalse();
        releaseFirstWrite.countDown();
        assertThat(queue.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(batchSizes).containsExactly(1, 40);
    }

    @Test
    void aBatchIsNeverLargerThanTheLimit() throws Exception {
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        CompletionQueue queue = new CompletionQueue(executor, batch -> {
            batchSizes.add(batch.size());
            await(releaseFirstWrite);
            return List.of();
        });
        for (int i = 0; i < CompletionQueue.MAX_BATCH * 2 + 1; i++) {
            queue.submit(completion(), () -> {});
        }
        releaseFirstWrite.countDown();
        assertThat(queue.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, CompletionQueue.MAX_BATCH));
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(CompletionQueue.MAX_BATCH * 2 + 1);
    }

    @Test
    void aFailedWriteStillLetsGoOfItsAttemptsSoTheirLeasesCanExpire() {
        CompletionQueue queue = new CompletionQueue(executor, batch -> {
            throw new IllegalStateException("database down");
        });
        AtomicInteger afterWrite = new AtomicInteger();
        queue.submit(completion(), afterWrite::incrementAndGet);
        queue.submit(completion(), afterWrite::incrementAndGet);
        assertThat(queue.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(afterWrite).hasValue(2);
    }

    @Test
    void manySubmittersLoseNothing() throws Exception {
        AtomicInteger written = new AtomicInteger();
        CompletionQueue queue = new CompletionQueue(executor, batch -> {
            written.addAndGet(batch.size());
            return List.of();
        });
        AtomicInteger afterWrite = new AtomicInteger();
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            submitters.execute(() -> {
                for (int i = 0; i < 5_000; i++) {
                    queue.submit(completion(), afterWrite::incrementAndGet);
                }
            });
        }
        submitters.shutdown();
        assertThat(submitters.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.awaitWritten(Duration.ofSeconds(30))).isTrue();
        assertThat(written).hasValue(40_000);
        assertThat(afterWrite).hasValue(40_000);
    }

    private Function<List<Completion>, List<Completion>> recordingWriter() {
        return batch -> {
            batchSizes.add(batch.size());
            return List.of();
        };
    }

    private static Completion completion() {
        LeasedTask task = new LeasedTask(
                TaskId.of(UUID.randomUUID().toString()),
                "test.noop",
                "default",
                "{}",
                1,
                3,
                UUID.randomUUID().toString(),
                Instant.now().plusSeconds(30),
                Instant.now());
        return new Completion(task, null, 0, Instant.now());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
