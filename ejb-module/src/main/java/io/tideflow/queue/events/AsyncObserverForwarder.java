package io.tideflow.queue.events;

import io.tideflow.queue.api.event.LifecycleEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands committed events to the application's {@code @ObservesAsync} observers on two threads of Tideflow's own (from
 * the server's managed thread factory), not on the managed executor that runs the tasks: a slow observer must not
 * queue work ahead of the dispatcher's. At most {@link #IN_FLIGHT} deliveries are outstanding; beyond that the event
 * is dropped for the application and counted.
 */
@ApplicationScoped
public class AsyncObserverForwarder implements LifecycleListener {

    static final int IN_FLIGHT = 10_000;
    private static final int THREADS = 2;

    @Inject
    BeanManager beans;

    @Resource
    ManagedThreadFactory threads;

    private final Map<Class<?>, Boolean> observed = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicLong dropped = new AtomicLong();
    private ThreadPoolExecutor observers;

    @PostConstruct
    void start() {
        // the queue holds more than the semaphore lets in, so an admitted delivery is never rejected
        observers = new ThreadPoolExecutor(
                THREADS, THREADS, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(IN_FLIGHT * 2), threads);
    }

    @PreDestroy
    void stop() {
        observers.shutdown();
    }

    @Override
    public void on(LifecycleEvent event) {
        if (!observed.computeIfAbsent(event.getClass(), type -> hasAsyncObserver(event))) {
            return;
        }
        if (!inFlight.tryAcquire()) {
            dropped.incrementAndGet();
            return;
        }
        beans.getEvent()
                .select(LifecycleEvent.class)
                .fireAsync(event, NotificationOptions.ofExecutor(observers))
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
