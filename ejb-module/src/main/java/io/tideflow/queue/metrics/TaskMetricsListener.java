package io.tideflow.queue.metrics;

import io.tideflow.queue.api.event.LifecycleEvent;
import io.tideflow.queue.events.LifecycleListener;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Subscribes {@link TaskMetrics} to the event bus. */
@ApplicationScoped
public class TaskMetricsListener implements LifecycleListener {

    @Inject
    MeterBackend meters;

    @Inject
    Clock clock;

    @Inject
    GroupTagBudget groups;

    private TaskMetrics metrics;

    @PostConstruct
    void init() {
        metrics = new TaskMetrics(meters, clock, groups);
    }

    /** Counts only, in memory and thread-safe: inline, so that a full event queue never makes it undercount. */
    @Override
    public Delivery delivery() {
        return Delivery.INLINE;
    }

    @Override
    public void on(LifecycleEvent event) {
        metrics.on(event);
    }
}
