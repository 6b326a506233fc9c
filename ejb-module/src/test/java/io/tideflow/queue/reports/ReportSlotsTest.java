package io.tideflow.queue.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideflow.queue.api.admin.ReportsBusyException;
import io.tideflow.queue.config.MapConfig;
import io.tideflow.queue.config.ObservabilitySettings;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReportSlotsTest {

    private final ReportSlots slots = new ReportSlots();

    ReportSlotsTest() {
        slots.settings = ObservabilitySettings.from(new MapConfig(Map.of("tideflow.reports.max-concurrent", "2")));
        slots.create();
    }

    @Test
    void aReportBeyondTheSlotsWaitsASecondThenIsRefusedAndASlotGivenBackServesTheNext() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> slots.run(() -> hold(running, finish)));
        CompletableFuture<?> second = CompletableFuture.runAsync(() -> slots.run(() -> hold(running, finish)));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> slots.run(() -> "third"))
                .isInstanceOf(ReportsBusyException.class)
                .hasMessageContaining("all 2 report slots");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(900L, 3_000L);

        finish.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(slots.run(() -> "fourth")).isEqualTo("fourth");
    }

    @Test
    void aReportThatFailsGivesItsSlotBack() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> slots.run(() -> {
                        throw new IllegalStateException("query failed");
                    }))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(slots.run(() -> "served")).isEqualTo("served");
    }

    private static String hold(CountDownLatch running, CountDownLatch finish) {
        running.countDown();
        try {
            finish.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "held";
    }
}
