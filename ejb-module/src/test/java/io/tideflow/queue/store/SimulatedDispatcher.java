package io.tideflow.queue.store;

import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A dispatcher as the engine runs one, without a server: one thread claims as many due tasks as there are free
 * workers (promoting due retries when a claim comes back short) and hands each to a worker of a fixed pool, until a
 * query of the work left answers zero.
 */
public final class SimulatedDispatcher {

    /** Runs one claimed task on a worker thread. */
    @FunctionalInterface
    public interface Worker {
        void run(LeasedTask task, String workerName);
    }

    private final TestDatabase db;
    private final String node;
    private final int workers;
    private final Instant now;

    public SimulatedDispatcher(TestDatabase db, String node, int workers, Instant now) {
        this.db = db;
        this.node = node;
        this.workers = workers;
        this.now = now;
    }

    /** Claims and runs until {@code workLeftSql} (a count) is zero, then waits for the workers to finish. */
    public void drain(String workLeftSql, Worker worker) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        Semaphore free = new Semaphore(workers);
        AtomicInteger names = new AtomicInteger();
        ThreadLocal<String> workerName = ThreadLocal.withInitial(() -> node + "/" + names.getAndIncrement());
        AtomicReference<Throwable> workerFailure = new AtomicReference<>();
        try {
            while (true) {
                if (workerFailure.get() != null) {
                    // a task it held stays RUNNING until its lease ends: fail now rather than wait for it
                    throw new IllegalStateException("a worker of " + node + " failed", workerFailure.get());
                }
                free.acquireUninterruptibly();
                int capacity = 1 + free.drainPermits();
                List<LeasedTask> batch;
                try {
                    batch = db.inTransaction(em ->
                            db.store(em, node).claimDue(capacity, now, Duration.ofMinutes(5), TaskFixtures.TYPES));
                } catch (RuntimeException e) {
                    if (!TestDatabase.isDeadlockVictim(e)) {
                        throw e;
                    }
                    // like the engine's dispatcher: a claim chosen as a deadlock's victim is tried again
                    free.release(capacity);
                    continue;
                }
                if (batch.size() < capacity) {
                    // like the engine's poll: retries are promoted when the pending work runs short
                    db.inTransaction(em -> db.store(em, node).promoteDueRetries(now, 500));
                }
                free.release(capacity - batch.size());
                for (LeasedTask task : batch) {
                    pool.execute(() -> {
                        try {
                            worker.run(task, workerName.get());
                        } catch (Throwable e) {
                            workerFailure.compareAndSet(null, e);
                        } finally {
                            free.release();
                        }
                    });
                }
                if (batch.isEmpty()) {
                    if (db.count(workLeftSql) == 0) {
                        return;
                    }
                    // another dispatcher holds the rows we wanted, or the last tasks are still running
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        } finally {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("workers of " + node + " did not finish within a minute");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
