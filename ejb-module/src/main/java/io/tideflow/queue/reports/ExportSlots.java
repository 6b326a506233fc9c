package io.tideflow.queue.reports;

import io.tideflow.queue.config.ObservabilitySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;

/**
 * This node's export slots: each export holds a request thread for as long as its client reads (and a connection for
 * the few milliseconds each chunk takes to read); without a bound, slow readers of many exports at once would take the
 * server's request threads.
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
