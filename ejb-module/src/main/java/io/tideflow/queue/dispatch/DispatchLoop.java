package io.tideflow.queue.dispatch;

import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dispatcher's core, without the server: claims due tasks in batches and runs them on at most {@code workers}
 * threads of an executor.
 *
 * <p>It claims ahead: besides a task for every free worker, it keeps up to {@code claimAhead} claimed tasks ready, so
 * that short tasks are claimed many to a transaction instead of one batch per free worker. How far ahead adapts to
 * the tasks' observed duration, so that a ready task waits about a quarter of a lease at most before it starts (its
 * lease is not extended while it waits); one whose lease has run low meanwhile is given back unstarted. Slow tasks
 * therefore get no claim-ahead at all, and nothing is taken that another node could run sooner.
 */
public final class DispatchLoop {

    private static final Logger LOG = Logger.getLogger(DispatchLoop.class.getName());

    /** Claims up to {@code limit} due tasks in one transaction. */
    @FunctionalInterface
    public interface Claimer {
        List<LeasedTask> claim(int limit);
    }

    /** Runs one claimed task's attempt to its end (recorded, or handed over to be recorded). */
    @FunctionalInterface
    public interface Runner {
        void run(LeasedTask task);
    }

    /** Gives a claimed task back unstarted (PENDING, attempt not counted). */
    @FunctionalInterface
    public interface Releaser {
        void release(LeasedTask task);
    }

    private final Executor executor;
    private final int workers;
    private final int claimAhead;
    private final Duration lease;
    private final Clock clock;
    private final Claimer claimer;
    private final Runner runner;
    private final Releaser releaser;

    private final Queue<LeasedTask> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger readyCount = new AtomicInteger();
    private final Map<String, AtomicInteger> heldByGroup = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicBoolean dispatching = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    /** System.nanoTime() when the pass running now began, 0 when none runs. */
    private final AtomicLong passStartedAt = new AtomicLong();
    /** Exponentially weighted mean attempt duration; starts at a lease so that nothing is claimed ahead blindly. */
    private final AtomicLong meanAttemptNanos;

    private final Object idle = new Object();
    private volatile boolean stopping;

    /**
     * @param claimAhead the most claimed tasks kept ready beyond the running ones (0: claim for free workers only)
     * @param lease      how long a claim holds a task; a ready task waits at most about a quarter of it
     */
    public DispatchLoop(
            Executor executor,
            int workers,
            int claimAhead,
            Duration lease,
            Clock clock,
            Claimer claimer,
            Runner runner,
            Releaser releaser) {
        this.executor = executor;
        this.workers = workers;
        this.claimAhead = claimAhead;
        this.lease = lease;
        this.clock = clock;
        this.claimer = claimer;
        this.runner = runner;
        this.releaser = releaser;
        this.meanAttemptNanos = new AtomicLong(lease.toNanos());
    }

    /** Asks for a dispatch pass; cheap and safe to call from any thread, any number of times. */
    public void wake() {
        wakeRequested.set(true);
        if (!stopping && dispatching.compareAndSet(false, true)) {
            executor.execute(this::dispatchWhileWoken);
        }
    }

    /** Claims nothing more and hands back the tasks claimed but not started, for the caller to release. */
    public List<LeasedTask> stop() {
        stopping = true;
        List<LeasedTask> unstarted = new ArrayList<>();
        LeasedTask task;
        while ((task = takeReady()) != null) {
            letGo(task);
            unstarted.add(task);
        }
        return unstarted;
    }

    /** Waits up to {@code grace} for the running attempts; true when none is left. */
    public boolean awaitIdle(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            while (active.get() > 0) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    return false;
                }
                try {
                    idle.wait(leftMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Tasks of {@code group} this node holds: claimed, waiting for a worker or running. */
    public int heldIn(String group) {
        AtomicInteger held = heldByGroup.get(group);
        return held == null ? 0 : held.get();
    }

    /** How long the dispatch pass running now has been running; zero when none runs. */
    public java.time.Duration currentPass() {
        long started = passStartedAt.get();
        return started == 0 ? java.time.Duration.ZERO : java.time.Duration.ofNanos(System.nanoTime() - started);
    }

    /** Claimed tasks waiting for a worker. */
    public int readyCount() {
        return readyCount.get();
    }

    /** How many claimed tasks may wait for a worker now, given how long attempts have been taking. */
    int aheadLimit() {
        long mean = Math.max(1, meanAttemptNanos.get());
        long startableInAQuarterLease = lease.toNanos() / 4 / mean * workers;
        return (int) Math.min(claimAhead, startableInAQuarterLease);
    }

    private void dispatchWhileWoken() {
        try {
            while (!stopping && wakeRequested.getAndSet(false)) {
                passStartedAt.set(System.nanoTime());
                claimWhileRoom();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dispatch pass failed; the next poll tries again", e);
        } finally {
            passStartedAt.set(0);
            dispatching.set(false);
        }
        // a wake that arrived between the last check and the reset above must not be lost
        if (wakeRequested.get() && !stopping && dispatching.compareAndSet(false, true)) {
            executor.execute(this::dispatchWhileWoken);
        }
    }

    private void claimWhileRoom() {
        while (!stopping) {
            int room = workers + aheadLimit() - active.get() - readyCount.get();
            if (room <= 0 || (readyCount.get() > 0 && active.get() >= workers && room < workers)) {
                // enough is ready; the workers wake us when they have taken some
                return;
            }
            List<LeasedTask> batch = claimer.claim(room);
            for (LeasedTask task : batch) {
                heldByGroup
                        .computeIfAbsent(task.group(), g -> new AtomicInteger())
                        .incrementAndGet();
                ready.add(task);
                readyCount.incrementAndGet();
            }
            startWorkers();
            if (batch.size() < room) {
                return;
            }
        }
    }

    private void startWorkers() {
        while (readyCount.get() > 0) {
            int now = active.get();
            if (now >= workers) {
                return;
            }
            if (active.compareAndSet(now, now + 1)) {
                executor.execute(this::workWhileReady);
            }
        }
    }

    private void workWhileReady() {
        try {
            LeasedTask task;
            while (!stopping && (task = takeReady()) != null) {
                if (readyCount.get() < workers) {
                    wake();
                }
                runOrGiveBack(task);
            }
        } finally {
            active.decrementAndGet();
            synchronized (idle) {
                idle.notifyAll();
            }
        }
        // a task made ready between the last look and the decrement above must not wait for the next wake
        if (!stopping) {
            startWorkers();
            wake();
        }
    }

    private LeasedTask takeReady() {
        LeasedTask task = ready.poll();
        if (task != null) {
            readyCount.decrementAndGet();
        }
        return task;
    }

    private void letGo(LeasedTask task) {
        heldByGroup.get(task.group()).decrementAndGet();
    }

    private void runOrGiveBack(LeasedTask task) {
        try {
            runOrGiveBackHeld(task);
        } finally {
            letGo(task);
        }
    }

    private void runOrGiveBackHeld(LeasedTask task) {
        if (clock.instant().plus(lease.dividedBy(2)).isAfter(task.leaseExpiresAt())) {
            // waited for a worker longer than planned: another node may be about to rescue it
            try {
                releaser.release(task);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "giving back task " + task.id() + " failed; its lease will expire", e);
            }
            return;
        }
        long started = System.nanoTime();
        try {
            runner.run(task);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "task " + task.id() + " of type '" + task.type()
                            + "': the attempt ended with an unrecorded error; its lease will expire and the task be rescued",
                    e);
        } finally {
            long took = System.nanoTime() - started;
            meanAttemptNanos.accumulateAndGet(took, (mean, sample) -> mean - mean / 8 + sample / 8);
        }
    }
}
