package io.tideflow.queue.reports;

import io.tideflow.queue.config.ObservabilitySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;

/**
 * This node's export slots: each export holds a request thread and, while it reads, a pooled connection and a
 * transaction; without a bound, slow readers of many exports at once would take the connections the heartbeats and
 * claims need, and leases would expire under tasks that are still running.
 */
@ApplicationScoped
public class ExportSlots {

    @Inject
    ObservabilitySettings settings;

    private Semaphore slots;

    @PostConstruct
    void create() {
        slots = new Semaphore(settings.maxConcurrentExports());
    }

    boolean tryTake() {
        return slots.tryAcquire();
    }

    void giveBack() {
        slots.release();
    }

    int size() {
        return settings.maxConcurrentExports();
    }
}
