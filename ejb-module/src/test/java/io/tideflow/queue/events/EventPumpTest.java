package io.tideflow.queue.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.event.GroupPaused;
import io.tideflow.queue.api.event.LifecycleEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventPumpTest {

    private EventPump pump;

    @AfterEach
    void stop() {
        if (pump != null) {
            pump.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void everyListenerGetsEveryEventInOrderOffThePublishersThread() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        pump = new EventPump(1_000, List.of(event -> seen.add("a:" + ((GroupPaused) event).group()), event -> {
            threads.add(Thread.currentThread());
            seen.add("b:" + ((GroupPaused) event).group());
        }));
        pump.start(Executors.defaultThreadFactory());
        for (int i = 0; i < 100; i++) {
            assertThat(pump.offer(paused("g" + i))).isTrue();
        }
        assertThat(pump.awaitDelivered(Duration.ofSeconds(5))).isTrue();
        assertThat(seen).hasSize(200);
        assertThat(seen.stream().filter(s -> s.startsWith("a:")).map(s -> s.substring(2)))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100)
                        .mapToObj(i -> "g" + i)
                        .toList());
        assertThat(threads).doesNotContain(Thread.currentThread());
        assertThat(pump.dropped()).isZero();
    }

    @Test
    void aFailingListenerDoesNotKeepTheEventFromTheOthers() {
        List<LifecycleEvent> seen = Collections.synchronizedList(new ArrayList<>());
        pump = new EventPump(
                1_000,
                List.of(
                        event -> {
                            throw new IllegalStateException("observer bug");
                        },
                        seen::add));
        pump.start(Executors.defaultThreadFactory());
        for (int i = 0; i < 10; i++) {
            pump.offer(paused("g" + i));
        }
        assertThat(pump.awaitDelivered(Duration.ofSeconds(5))).isTrue();
        assertThat(seen).hasSize(10);
    }

    @Test
    void aStuckListenerNeverBlocksThePublisherWhoseEventsAreDroppedAndCountedOnceTheQueueIsFull()
            throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstTaken = new CountDownLatch(1);
        pump = new EventPump(1_000, List.of(event -> {
            firstTaken.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        pump.start(Executors.defaultThreadFactory());
        pump.offer(paused("first"));
        assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        int accepted = 0;
        for (int i = 0; i < 5_000; i++) {
            if (pump.offer(paused("g" + i))) {
                accepted++;
            }
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(accepted).isEqualTo(1_000);
        assertThat(pump.dropped()).isEqualTo(4_000);
        assertThat(tookMs).as("offering to a full queue returns at once").isLessThan(2_000);
        release.countDown();
        assertThat(pump.awaitDelivered(Duration.ofSeconds(5))).isTrue();
        assertThat(pump.delivered()).isEqualTo(1_001);
    }

    @Test
    void inlineCountersSeeEveryEventFromEveryThreadWhileTheQueueIsStuckAndDropping() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.LongAdder counted = new java.util.concurrent.atomic.LongAdder();
        pump = new EventPump(100, List.of(LifecycleListener.inline(event -> counted.increment()), event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        pump.start(Executors.defaultThreadFactory());
        var publishers = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(publishers.submit(() -> {
                    for (int i = 0; i < 2_500; i++) {
                        pump.offer(paused("g" + i));
                    }
                }));
            }
            for (var publisher : done) {
                publisher.get(30, TimeUnit.SECONDS);
            }
        } finally {
            publishers.shutdown();
        }
        assertThat(counted.sum()).as("every event counted inline").isEqualTo(20_000);
        assertThat(pump.dropped()).as("the stuck queue dropped most of them").isGreaterThanOrEqualTo(19_000);
        release.countDown();
    }

    @Test
    void stopDeliversWhatWasQueuedAndRefusesTheRest() {
        List<LifecycleEvent> seen = Collections.synchronizedList(new ArrayList<>());
        pump = new EventPump(1_000, List.of(seen::add));
        pump.start(Executors.defaultThreadFactory());
        for (int i = 0; i < 50; i++) {
            pump.offer(paused("g" + i));
        }
        pump.stop(Duration.ofSeconds(5));
        assertThat(seen).hasSize(50);
        assertThat(pump.offer(paused("late"))).isFalse();
    }

    private static GroupPaused paused(String group) {
        return new GroupPaused(group, Instant.EPOCH);
    }
}
