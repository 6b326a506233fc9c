package io.tideflow.queue.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatchLoopTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<LeasedTask> due = new ConcurrentLinkedQueue<>();
    private final List<Integer> claimSizes = new CopyOnWriteArrayList<>();
    private final Set<TaskId> ran = ConcurrentHashMap.newKeySet();
    private final List<LeasedTask> released = new CopyOnWriteArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void shortTasksAreClaimedManyAtATimeAndEachRunsOnceWithNoMoreThanTheWorkersAtOnce() {
        addDue(5_000, Instant.now().plus(LEASE));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        DispatchLoop loop = loop(8, 64, Clock.systemUTC(), task -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            ran.add(task.id());
            runs.incrementAndGet();
            running.decrementAndGet();
        });
        loop.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() == 5_000);
        assertThat(ran).hasSize(5_000);
        assertThat(mostAtOnce.get()).isBetween(1, 8);
        assertThat(claimSizes.stream().mapToInt(Integer::intValue).max().orElseThrow())
                .as("once attempts proved short, claims reach past the free workers")
                .isGreaterThan(8);
        assertThat(claimSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(8 + 64));
        assertThat(released).isEmpty();
    }

    @Test
    void longTasksAreNotClaimedAhead() throws Exception {
        addDue(6, Instant.now().plus(LEASE));
        CountDownLatch finish = new CountDownLatch(1);
        DispatchLoop loop = loop(2, 64, Clock.systemUTC(), task -> {
            runs.incrementAndGet();
            hold(finish);
        });
        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        await().during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(2))
                .until(() -> loop.readyCount() == 0 && due.size() == 4);
        assertThat(loop.readyCount())
                .as("nothing is known about these tasks' duration: claim for free workers only")
                .isZero();
        assertThat(due).hasSize(4);
        finish.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 6);
    }

    @Test
    void aReadyTaskWhoseLeaseRanLowIsGivenBackNotRun() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        LeasedTask stale = task(now.plus(LEASE.dividedBy(2)).minusSeconds(1));
        LeasedTask fresh = task(now.plus(LEASE));
        due.add(stale);
        due.add(fresh);
        DispatchLoop loop = loop(1, 0, Clock.fixed(now, ZoneOffset.UTC), task -> {
            ran.add(task.id());
            runs.incrementAndGet();
        });
        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1 && released.size() == 1);
        assertThat(released).containsExactly(stale);
        assertThat(ran).containsExactly(fresh.id());
    }

    @Test
    void stopHandsBackWhatWasClaimedButNotStartedAndRunsNothingMore() throws Exception {
        addDue(200, Instant.now().plus(LEASE));
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        DispatchLoop loop = loop(2, 64, Clock.systemUTC(), task -> {
            if (started.incrementAndGet() > 40) {
                hold(finish);
            }
            runs.incrementAndGet();
        });
        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() >= 42);
        List<LeasedTask> unstarted = loop.stop();
        finish.countDown();
        assertThat(loop.awaitIdle(Duration.ofSeconds(5))).isTrue();
        int startedAtStop = started.get();
        await().during(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(1))
                .until(() -> started.get() == startedAtStop);
        assertThat(started.get()).isEqualTo(startedAtStop);
        assertThat(startedAtStop + unstarted.size() + due.size())
                .as("every task started, handed back or still due")
                .isEqualTo(200);
    }

    private DispatchLoop loop(int workers, int claimAhead, Clock clock, DispatchLoop.Runner runner) {
        return new DispatchLoop(
                executor,
                workers,
                claimAhead,
                LEASE,
                clock,
                limit -> {
                    List<LeasedTask> batch = new ArrayList<>();
                    LeasedTask next;
                    while (batch.size() < limit && (next = due.poll()) != null) {
                        batch.add(next);
                    }
                    claimSizes.add(batch.size());
                    return batch;
                },
                runner,
                released::add);
    }

    private void addDue(int count, Instant leaseExpiresAt) {
        for (int i = 0; i < count; i++) {
            due.add(task(leaseExpiresAt));
        }
    }

    private static LeasedTask task(Instant leaseExpiresAt) {
        return new LeasedTask(
                TaskId.of(UUID.randomUUID().toString()),
                "test.noop",
                "default",
                "{}",
                1,
                3,
                UUID.randomUUID().toString(),
                leaseExpiresAt,
                Instant.now());
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
