package io.tideflow.queue.events;

import io.tideflow.queue.api.event.LifecycleEvent;
import io.tideflow.queue.config.ObservabilitySettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/** The server's shell around the {@link EventPump}: every {@link LifecycleListener} bean subscribes. */
@ApplicationScoped
public class EventBus {

    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @Any
    Instance<LifecycleListener> listeners;

    @Inject
    ObservabilitySettings settings;

    private EventPump pump;

    @PostConstruct
    void start() {
        int capacity = settings.eventQueueCapacity();
        pump = new EventPump(capacity, listeners.stream().toList());
        pump.start(threads);
        LOG.fine(() -> "Tideflow event bus started, queue of " + capacity);
    }

    @PreDestroy
    void stop() {
        pump.stop(Duration.ofSeconds(5));
    }

    void offer(LifecycleEvent event) {
        pump.offer(event);
    }

    /** Events dropped because the listeners were a full queue behind. */
    public long dropped() {
        return pump.dropped();
    }

    /** Events queued and not yet delivered. */
    public int backlog() {
        return pump.backlog();
    }
}
