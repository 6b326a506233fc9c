package io.tideflow.queue.background;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One piece of the engine's background work (a poll, a rescue, a sample, a flush), run every interval on a thread of
 * its own until its bean stops it. Runs never overlap; a run that overruns its interval skips the runs it missed, as an
 * interval timer does; a run that throws is logged and the next one runs all the same.
 *
 * <p>Why not EJB timers: Payara's timer service delivers a timer to an application being undeployed and leaves a
 * transaction open on its pooled thread, which later work on that thread then runs inside (holding database locks for
 * ever). Why a thread each rather than a shared scheduled executor: its few threads would make the lease heartbeat
 * wait behind an archiving run or a slow webhook. {@link #stop} returns only once the work has ended, so nothing of it
 * runs while the application is torn down.
 */
public final class RepeatingWork {

    private static final Logger LOG = Logger.getLogger(RepeatingWork.class.getName());
    /** Every running instance of this deployment (this class is the deployment's own), for {@link #stopAll}. */
    private static final Set<RepeatingWork> RUNNING = ConcurrentHashMap.newKeySet();
    /** Longer than a run of the engine's background work takes, short enough not to hold up an undeployment. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** How long a stop waits for an interrupted run to end before it gives up on it. */
    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(2);

    private final String name;
    private final long everyNanos;
    private final Runnable work;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private boolean stopped;
    private boolean runSoon;

    private RepeatingWork(ThreadFactory threads, String name, Duration firstAfter, Duration every, Runnable work) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException(name + ": the interval must be positive, not " + every);
        }
        this.name = name;
        this.everyNanos = every.toNanos();
        this.work = work;
        long firstAt = System.nanoTime() + firstAfter.toNanos();
        thread = threads.newThread(() -> loop(firstAt));
        thread.setName(name);
        thread.setDaemon(true);
    }

    /**
     * Starts running {@code work} on a new thread from {@code threads} (the server's managed thread factory, so that it
     * runs in the application's context): first after {@code firstAfter}, then every {@code every}.
     */
    public static RepeatingWork start(
            ThreadFactory threads, String name, Duration firstAfter, Duration every, Runnable work) {
        RepeatingWork repeating = new RepeatingWork(threads, name, firstAfter, every, work);
        RUNNING.add(repeating);
        repeating.thread.start();
        return repeating;
    }

    /** Stops every running instance, as {@link #stop()} does, one after the other. */
    public static void stopAll() {
        for (RepeatingWork repeating : List.copyOf(RUNNING)) {
            repeating.stop();
        }
    }

    /** Runs the work as soon as the run in progress (if any) ends, then keeps to the interval. */
    public void runSoon() {
        lock.lock();
        try {
            runSoon = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** {@link #stop(Duration)} with a grace of 5 s. */
    public boolean stop() {
        return stop(STOP_GRACE);
    }

    /**
     * Runs the work no more: waits up to {@code grace} for a run in progress to end, then interrupts it (a run blocked
     * on a server that will never finish starting, or one that overran) and waits a little more. Idempotent.
     *
     * @return whether the work has ended
     */
    public boolean stop(Duration grace) {
        RUNNING.remove(this);
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() == thread) {
            return true;
        }
        try {
            thread.join(Math.max(1, grace.toMillis()));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(AFTER_INTERRUPT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warning(() -> name + " did not end within " + grace.plus(AFTER_INTERRUPT) + " of being stopped");
            return false;
        }
        return true;
    }

    private void loop(long firstAt) {
        long nextAt = firstAt;
        while (awaitTurn(nextAt)) {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " failed; it runs again at its next interval", e);
            }
            long now = System.nanoTime();
            do {
                nextAt += everyNanos;
            } while (nextAt - now <= 0);
        }
    }

    /** Waits for the next run; false once stopped. */
    private boolean awaitTurn(long nextAt) {
        lock.lock();
        try {
            long waitNanos;
            while (!stopped && !runSoon && (waitNanos = nextAt - System.nanoTime()) > 0) {
                changed.awaitNanos(waitNanos);
            }
            runSoon = false;
            return !stopped;
        } catch (InterruptedException e) {
            // only stop interrupts this thread
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return name + (thread.isAlive() ? "" : " (ended)");
    }
}
