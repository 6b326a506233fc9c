package io.tideflow.queue.reports;

import io.tideflow.queue.api.admin.ReportsBusyException;
import io.tideflow.queue.config.ObservabilitySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * This node's report slots ({@code tideflow.reports.max-concurrent}): a report's queries read much of the tasks or
 * metrics tables, each for up to 30 s, on a pooled connection. Bounded, report traffic (dashboards refreshing, many
 * viewers at once) takes at most this many connections, and the heartbeats and claims never wait behind it for the
 * rest; a report beyond it waits a second for a slot, then is refused with 429.
 */
@ApplicationScoped
public class ReportSlots {

    private static final long WAIT_FOR_A_SLOT_MS = 1_000;

    @Inject
    ObservabilitySettings settings;

    private Semaphore slots;

    @PostConstruct
    void create() {
        slots = new Semaphore(settings.maxConcurrentReports());
    }

    /** Runs {@code report} in a slot; throws {@link ReportsBusyException} when none frees within a second. */
    public <T> T run(Supplier<T> report) {
        try {
            if (!slots.tryAcquire(WAIT_FOR_A_SLOT_MS, TimeUnit.MILLISECONDS)) {
                throw new ReportsBusyException(settings.maxConcurrentReports());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportsBusyException(settings.maxConcurrentReports());
        }
        try {
            return report.get();
        } finally {
            slots.release();
        }
    }
}
