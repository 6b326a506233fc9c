package io.tideflow.queue.execution;

import io.tideflow.queue.store.CompletionWriter.Completion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit without waiting: completions are handed over and the worker moves on; one writer at a time takes
 * everything handed over meanwhile (up to {@link #MAX_BATCH}) and writes it in one transaction. Under load the
 * batches grow by themselves; an idle node writes a lone completion at once, so no latency is added to wait for
 * company.
 */
public final class CompletionQueue {

    private static final Logger LOG = Logger.getLogger(CompletionQueue.class.getName());

    /** Enough to share a commit widely, small enough to keep one write short. */
    public static final int MAX_BATCH = 500;

    private final Executor executor;
    private final Function<List<Completion>, List<Completion>> writeAll;
    private final Queue<Handover> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unwritten = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Object written = new Object();

    private record Handover(Completion completion, Runnable afterWrite) {}

    /**
     * @param writeAll writes a batch in one transaction and returns the completions refused for a stale lease
     */
    public CompletionQueue(Executor executor, Function<List<Completion>, List<Completion>> writeAll) {
        this.executor = executor;
        this.writeAll = writeAll;
    }

    /** Queues a completion; {@code afterWrite} runs once its batch is written, refused or failed. */
    public void submit(Completion completion, Runnable afterWrite) {
        unwritten.incrementAndGet();
        queue.add(new Handover(completion, afterWrite));
        if (writing.compareAndSet(false, true)) {
            executor.execute(this::writeWhileQueued);
        }
    }

    /** Waits until everything handed over so far is written, at most {@code max}; true when nothing is left. */
    public boolean awaitWritten(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (written) {
            while (unwritten.get() > 0) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    return false;
                }
                try {
                    written.wait(leftMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void writeWhileQueued() {
        try {
            List<Handover> batch = nextBatch();
            while (!batch.isEmpty()) {
                write(batch);
                batch = nextBatch();
            }
        } finally {
            writing.set(false);
        }
        // a completion handed over between the last look and the reset above must not wait for the next one
        if (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            executor.execute(this::writeWhileQueued);
        }
    }

    private List<Handover> nextBatch() {
        List<Handover> batch = new ArrayList<>();
        Handover next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void write(List<Handover> batch) {
        try {
            for (Completion stale :
                    writeAll.apply(batch.stream().map(Handover::completion).toList())) {
                LOG.warning(() -> "task " + stale.task().id() + " of type '"
                        + stale.task().type() + "' finished with a stale lease; its completion was not written");
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "writing " + batch.size() + " completions failed; their leases will expire and"
                            + " the tasks run again",
                    e);
        } finally {
            for (Handover handover : batch) {
                handover.afterWrite().run();
            }
            unwritten.addAndGet(-batch.size());
            synchronized (written) {
                written.notifyAll();
            }
        }
    }
}
