package io.tideflow.queue.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepeatingWorkTest {

    private static final Duration SHORT = Duration.ofMillis(10);

    @Test
    void runsAgainAndAgainUntilStoppedAndNeverAfter() throws Exception {
        CountDownLatch fiveRuns = new CountDownLatch(5);
        RepeatingWork work = RepeatingWork.start(Thread::new, "test-repeat", Duration.ZERO, SHORT, fiveRuns::countDown);
        assertThat(fiveRuns.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(work.stop(Duration.ofSeconds(1)))
                .as("its thread has ended: nothing runs after stop")
                .isTrue();
        assertThat(work).hasToString("test-repeat (ended)");
    }

    @Test
    void aRunThatThrowsDoesNotEndTheRepetition() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        RepeatingWork work = RepeatingWork.start(Thread::new, "test-throws", Duration.ZERO, SHORT, () -> {
            threeRuns.countDown();
            throw new IllegalStateException("the database is down");
        });
        assertThat(threeRuns.await(5, TimeUnit.SECONDS)).isTrue();
        work.stop(Duration.ofSeconds(1));
    }

    @Test
    void runsNeverOverlap() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch tenRuns = new CountDownLatch(10);
        RepeatingWork work =
                RepeatingWork.start(Thread::new, "test-overlap", Duration.ZERO, Duration.ofMillis(1), () -> {
                    if (inside.incrementAndGet() > 1) {
                        overlapped.set(true);
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    tenRuns.countDown();
                });
        // woken while running: the wake-up is one more run after this one, not a second thread
        for (int i = 0; i < 20; i++) {
            work.runSoon();
        }
        assertThat(tenRuns.await(5, TimeUnit.SECONDS)).isTrue();
        work.stop(Duration.ofSeconds(1));
        assertThat(overlapped).isFalse();
    }

    @Test
    void stopWaitsForTheRunInProgressToEnd() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        RepeatingWork work =
                RepeatingWork.start(Thread::new, "test-graceful", Duration.ZERO, Duration.ofHours(1), () -> {
                    running.countDown();
                    sleepUninterrupted(Duration.ofMillis(300));
                    finished.set(true);
                });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(work.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(finished).as("the run ended before stop returned").isTrue();
    }

    @Test
    void aRunThatOverstaysTheGraceIsInterrupted() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        RepeatingWork work = RepeatingWork.start(Thread::new, "test-stuck", Duration.ZERO, Duration.ofHours(1), () -> {
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        assertThat(work.stop(Duration.ofMillis(100))).isTrue();
        assertThat(interrupted).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void waitsForItsFirstRunAndRunsSoonWhenWoken() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        RepeatingWork work = RepeatingWork.start(
                Thread::new, "test-woken", Duration.ofHours(1), Duration.ofHours(1), ran::countDown);
        assertThat(ran.await(100, TimeUnit.MILLISECONDS)).isFalse();
        work.runSoon();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(work.stop(Duration.ZERO)).isTrue();
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> RepeatingWork.start(Thread::new, "test-zero", Duration.ZERO, Duration.ZERO, () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test-zero")
                .hasMessageContaining("interval must be positive");
    }

    private static void sleepUninterrupted(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                throw new AssertionError("interrupted while the grace period ran", e);
            }
        }
    }
}
