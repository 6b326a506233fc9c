package io.tideflow.queue.events;

import io.tideflow.queue.api.LifecycleEvent;
import io.tideflow.queue.config.SettingReader;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.logging.Logger;

/** The server's shell around the {@link EventPump}: every {@link LifecycleListener} bean subscribes. */
@ApplicationScoped
public class EventBus {

    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

    /** Enough for a full bulk enqueue (10,000) several times over; an entry is one small record. */
    static final int DEFAULT_CAPACITY = 100_000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @Any
    Instance<LifecycleListener> listeners;

    @Inject
    Config config;

    private EventPump pump;

    @PostConstruct
    void start() {
        int capacity = capacityOf(config);
        pump = new EventPump(capacity, listeners.stream().toList());
        pump.start(threads);
        LOG.fine(() -> "Tideflow event bus started, queue of " + capacity);
    }

    /** The configured queue capacity; throws naming the key when it is bad. */
    public static int capacityOf(Config config) {
        return new SettingReader(config).integer("tideflow.events.queue-capacity", DEFAULT_CAPACITY, 1_000,
                10_000_000);
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
