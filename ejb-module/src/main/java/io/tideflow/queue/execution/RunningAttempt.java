package io.tideflow.queue.execution;

import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** One attempt running on this node: what the lease keeper extends, flags and, past its deadline, interrupts. */
public final class RunningAttempt {

    private final LeasedTask task;
    private final Duration timeout;
    private final Instant deadline;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private volatile boolean stoppingForShutdown;
    private volatile Thread thread;
    private volatile boolean leaseLost;
    private volatile boolean handlerDone;
    private volatile boolean handedOver;

    public RunningAttempt(LeasedTask task, Duration timeout, Instant started) {
        this.task = task;
        this.timeout = timeout;
        this.deadline = started.plus(timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    public LeasedTask task() {
        return task;
    }

    public Instant deadline() {
        return deadline;
    }

    public void runsOn(Thread worker) {
        this.thread = worker;
    }

    boolean isCancelRequested() {
        return cancelRequested.get();
    }

    public void requestCancel() {
        cancelRequested.set(true);
    }

    boolean isLeaseLost() {
        return leaseLost;
    }

    public void loseLease() {
        leaseLost = true;
    }

    /**
     * True once the handler has returned or thrown: from then on the attempt's own conditional completion (or failure)
     * decides whether it still held the lease, and reports it if not.
     */
    public boolean isHandlerDone() {
        return handlerDone;
    }

    void markHandlerDone() {
        handlerDone = true;
    }

    /**
     * False once its worker has handed the completion to the batched writer: the worker and the group's slot are free
     * again, while the attempt stays registered (its lease kept) until the completion is written.
     */
    public boolean isOnItsWorker() {
        return !handedOver;
    }

    void markHandedOver() {
        handedOver = true;
    }

    /** Interrupts the worker once, when the attempt ran past its deadline, and never after {@link #finish()}. */
    public synchronized void interruptOnce() {
        if (thread != null && interrupted.compareAndSet(false, true)) {
            thread.interrupt();
        }
    }

    boolean isStoppingForShutdown() {
        return stoppingForShutdown;
    }

    /**
     * Asks the handler to stop because the node shuts down: it sees a cancel request, and its thread is interrupted
     * (once). Unlike an operator's cancel, a handler that stops is not CANCELLED: its task is released to run again.
     */
    public synchronized void stopForShutdown() {
        stoppingForShutdown = true;
        if (thread != null && interrupted.compareAndSet(false, true)) {
            thread.interrupt();
        }
    }

    /** The worker is done with this attempt; from now on it may run another one. */
    synchronized void finish() {
        thread = null;
    }
}
