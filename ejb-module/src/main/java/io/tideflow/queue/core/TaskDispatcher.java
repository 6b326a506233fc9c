package io.tideflow.queue.core;

import io.tideflow.queue.store.ClaimedTask;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claims due tasks and runs them on the server's managed executor, at most {@code tideflow.dispatcher.workers} at
 * once. It is woken right after an enqueue commits and after every finished attempt; a non-persistent timer polls as
 * the fallback (tasks enqueued by other nodes, retries coming due).
 */
@Singleton
@Startup
@DependsOn({"SchemaBootstrap", "LeaseRescuer", "LeaseKeeper", "LeaseReleaser", "CompletionTransactions"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskDispatcher {

    private static final Logger LOG = Logger.getLogger(TaskDispatcher.class.getName());

    @Resource
    TimerService timerService;

    @Resource
    ManagedExecutorService executor;

    @Inject
    EngineSettings settings;

    @Inject
    DispatchSignal signal;

    @Inject
    TaskClaims claims;

    @Inject
    TaskExecution execution;

    @Inject
    FailureRecorder failures;

    @Inject
    LeaseReleaser releaser;

    @Inject
    CompletionBatcher completions;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    AttemptRegistry attempts;

    @Inject
    TypePolicies types;

    @Inject
    Clock clock;

    private static final Duration COMPLETIONS_AT_SHUTDOWN = Duration.ofSeconds(10);

    private final AtomicInteger running = new AtomicInteger();
    private final Object idle = new Object();
    private final AtomicBoolean dispatching = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        if (!settings.dispatcherEnabled()) {
            // a submit-only node: nothing is claimed here, so every wake is ignored
            stopping = true;
            LOG.info(() -> "Tideflow dispatcher disabled on node '" + settings.nodeId()
                    + "' (tideflow.dispatcher.enabled=false): this node submits, other nodes run");
            return;
        }
        long pollMs = settings.pollInterval().toMillis();
        timerService.createIntervalTimer(pollMs, pollMs, new TimerConfig("tideflow-dispatcher-poll", false));
        signal.listen(this::wake);
        LOG.info(() -> "Tideflow dispatcher started on node '" + settings.nodeId() + "' with " + settings.workers()
                + " workers, polling every " + settings.pollInterval() + ", task types " + registry.types());
        wake();
    }

    /**
     * Graceful shutdown: claims nothing more, waits up to {@code tideflow.shutdown.grace-period} for running attempts,
     * then gives the tasks still running back (PENDING, attempt not counted) so another node or the next start runs
     * them at once. A released attempt that finishes later is refused by its stale lease and rolled back.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        signal.stopListening();
        awaitIdle(settings.shutdownGracePeriod());
        if (!completions.awaitWritten(COMPLETIONS_AT_SHUTDOWN)) {
            LOG.warning("completions handed over were not all written at shutdown; those tasks run again");
        }
        for (RunningAttempt attempt : attempts.snapshot()) {
            try {
                boolean released = releaser.release(attempt.task());
                LOG.info(() -> "task " + attempt.task().id() + " still running at shutdown: "
                        + (released ? "released" : "already decided elsewhere"));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "releasing task " + attempt.task().id()
                        + " failed; its lease will expire and the task be rescued", e);
            }
        }
    }

    private void awaitIdle(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            while (running.get() > 0) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    return;
                }
                try {
                    idle.wait(leftMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Timeout
    void poll() {
        try {
            claims.promoteDueRetries();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "promoting due retries failed; the next poll tries again", e);
        }
        wake();
    }

    /** Asks for a dispatch pass; cheap and safe to call from any thread, any number of times. */
    public void wake() {
        wakeRequested.set(true);
        if (!stopping && dispatching.compareAndSet(false, true)) {
            executor.execute(this::dispatchWhileWoken);
        }
    }

    private void dispatchWhileWoken() {
        try {
            while (!stopping && wakeRequested.getAndSet(false)) {
                claimWhileCapacity();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dispatch pass failed; the next poll tries again", e);
        } finally {
            dispatching.set(false);
        }
        // a wake that arrived between the last check and the reset above must not be lost
        if (wakeRequested.get() && !stopping && dispatching.compareAndSet(false, true)) {
            executor.execute(this::dispatchWhileWoken);
        }
    }

    private void claimWhileCapacity() {
        while (!stopping) {
            int free = settings.workers() - running.get();
            if (free <= 0) {
                return;
            }
            List<ClaimedTask> batch = claims.claimDue(free);
            for (ClaimedTask task : batch) {
                running.incrementAndGet();
                executor.execute(() -> runAttempt(task));
            }
            if (batch.size() < free) {
                return;
            }
        }
    }

    private void runAttempt(ClaimedTask task) {
        RunningAttempt attempt = new RunningAttempt(task, types.policyOf(task.type()).timeout(), clock.instant());
        attempt.runsOn(Thread.currentThread());
        attempts.add(attempt);
        boolean handedOver = false;
        try {
            AttemptResult result;
            try {
                result = execution.attempt(attempt);
            } catch (EJBException e) {
                result = AttemptResult.failed(e.getCause() == null ? e : e.getCause());
            }
            switch (result.outcome()) {
                case FAILED -> failures.record(task, result.error());
                case CANCELLED -> failures.recordCancelled(task);
                case HANDED_OVER -> {
                    completions.submit(attempt, result.completion());
                    handedOver = true;
                }
                case SUCCEEDED, STALE_LEASE -> { }
                default -> throw new IllegalStateException(result.outcome() + " is not handled; this indicates a bug");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "task " + task.id() + " of type '" + task.type()
                    + "': recording the attempt failed; the lease will expire and the task be rescued", e);
        } finally {
            if (!handedOver) {
                attempts.remove(attempt);
            }
            running.decrementAndGet();
            synchronized (idle) {
                idle.notifyAll();
            }
            wake();
        }
    }
}
