package io.tideflow.queue.events;

import io.tideflow.queue.api.LifecycleEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands committed events to the application's {@code @ObservesAsync} observers, on the managed executor. At most
 * {@link #IN_FLIGHT} deliveries are outstanding at once: when the application's observers are that far behind, the
 * event is dropped for them (and counted) rather than piling up in the executor's queue.
 */
@ApplicationScoped
public class AsyncObserverForwarder implements LifecycleListener {

    static final int IN_FLIGHT = 10_000;

    @Inject
    BeanManager beans;

    @Resource
    ManagedExecutorService executor;

    private final Map<Class<?>, Boolean> observed = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicLong dropped = new AtomicLong();

    @Override
    public void on(LifecycleEvent event) {
        if (!observed.computeIfAbsent(event.getClass(), type -> hasAsyncObserver(event))) {
            return;
        }
        if (!inFlight.tryAcquire()) {
            dropped.incrementAndGet();
            return;
        }
        beans.getEvent().select(LifecycleEvent.class)
                .fireAsync(event, NotificationOptions.ofExecutor(executor))
                .whenComplete((delivered, failure) -> inFlight.release());
    }

    /** Events the application's observers missed because they were too far behind. */
    public long dropped() {
        return dropped.get();
    }

    private boolean hasAsyncObserver(LifecycleEvent event) {
        return beans.resolveObserverMethods(event).stream().anyMatch(ObserverMethod::isAsync);
    }
}
