package io.tideflow.queue.groups.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutcomeTallyTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, int[]> written = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void outcomesCountedDuringAWriteAreWrittenTogetherAfterIt() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        OutcomeTally tally = new OutcomeTally(executor, (group, successes, failures) -> {
            if (writes.incrementAndGet() == 1) {
                firstWriteStarted.countDown();
                hold(releaseFirstWrite);
            }
            written.merge(group, new int[] {successes, failures}, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]});
        });
        tally.failed("mail");
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 30; i++) {
            tally.succeeded("mail");
            tally.failed("sms");
        }
        releaseFirstWrite.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> written.containsKey("sms") && written.get("mail")[0] == 30);
        assertThat(written.get("mail")).containsExactly(30, 1);
        assertThat(written.get("sms")).containsExactly(0, 30);
        assertThat(writes.get())
                .as("one write for the first outcome, one per group for the rest")
                .isEqualTo(3);
    }

    @Test
    void manyThreadsLoseNoOutcome() throws Exception {
        OutcomeTally tally = new OutcomeTally(
                executor,
                (group, successes, failures) -> written.merge(
                        group, new int[] {successes, failures}, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]}));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    if (i % 4 == 0) {
                        tally.failed("g");
                    } else {
                        tally.succeeded("g");
                    }
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> written.containsKey("g") && written.get("g")[0] + written.get("g")[1] == 80_000);
        assertThat(written.get("g")).containsExactly(60_000, 20_000);
    }

    @Test
    void aFailingWriterDoesNotStopLaterWrites() {
        AtomicInteger calls = new AtomicInteger();
        OutcomeTally tally = new OutcomeTally(executor, (group, successes, failures) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            written.put(group, new int[] {successes, failures});
        });
        tally.failed("mail");
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
        tally.succeeded("mail");
        await().atMost(Duration.ofSeconds(5)).until(() -> written.containsKey("mail"));
        assertThat(written.get("mail")).containsExactly(1, 0);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
