package io.tideflow.batch.chunk;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.api.worker.TaskWorker;
import io.tideflow.queue.api.worker.WorkRequest;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gathers similar tasks: claims due tasks of one type and group under a lease, up to the batch size per claim, and
 * waits up to the type's longest wait for a claim that is not full to fill. Each claim is one chunk. The position in
 * the queue lives in the database, not in a checkpoint: a restarted or retried step claims afresh, and tasks this
 * step held when it closed are given back unstarted.
 */
@Named("tideflowDueTaskReader")
@Dependent
public class DueTaskReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(DueTaskReader.class.getName());
    private static final long FILL_POLL_MILLIS = 20;

    @Inject
    @BatchProperty
    String type;

    @Inject
    @BatchProperty
    String group;

    @Inject
    @BatchProperty
    String size;

    @Inject
    @BatchProperty
    String maxWaitMillis;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    TaskWorker worker;

    private ClaimedBatch batch;

    @Override
    public void open(Serializable checkpoint) {
        batch = new ClaimedBatch();
        step.setTransientUserData(batch);
    }

    @Override
    public Object readItem() throws InterruptedException {
        LeasedTask next = batch.next();
        if (next == null) {
            claimChunk();
            next = batch.next();
        }
        if (next != null) {
            keepLeases();
        }
        // null when nothing of the type and group is due: the step ends, and the launcher starts another execution
        // once tasks are due again
        return next;
    }

    private void claimChunk() throws InterruptedException {
        int wanted = Integer.parseInt(size);
        Instant started = Instant.now();
        long execution = job.getExecutionId();
        List<LeasedTask> claimed = new ArrayList<>(
                worker.claim(WorkRequest.ofType(group, type, wanted).forBatchExecution(execution)));
        if (!claimed.isEmpty()) {
            long waitUntil = System.nanoTime()
                    + Duration.ofMillis(Long.parseLong(maxWaitMillis)).toNanos();
            while (claimed.size() < wanted && System.nanoTime() < waitUntil) {
                Thread.sleep(FILL_POLL_MILLIS);
                claimed.addAll(worker.claim(
                        WorkRequest.ofType(group, type, wanted - claimed.size()).forBatchExecution(execution)));
            }
        }
        batch.claimed(claimed, started);
    }

    /** Extends the leases of every task held once half of a lease has passed since the claim or the last extension. */
    private void keepLeases() {
        List<LeasedTask> held = batch.held();
        if (held.isEmpty() || batch.claimedAt() == null) {
            return;
        }
        Instant expiry = held.get(0).leaseExpiresAt();
        Duration lease = Duration.between(batch.claimedAt(), expiry);
        if (Instant.now().isAfter(batch.claimedAt().plus(lease.dividedBy(2)))) {
            List<LeasedTask> lost = worker.extendLeases(held);
            batch.leasesExtended(Instant.now());
            if (!lost.isEmpty()) {
                LOG.warning(() -> lost.size() + " tasks of type '" + type + "' lost their lease while waiting in a"
                        + " chunk; their completion will be refused");
            }
        }
    }

    @Override
    public void close() {
        if (batch == null) {
            return;
        }
        // a rolled-back chunk, a stopped or failed step: what is held and unfinished goes back to the queue at once
        for (LeasedTask task : batch.held()) {
            try {
                worker.release(task, "the chunk job closed before the task's chunk committed");
            } catch (RuntimeException e) {
                // its lease then runs out and any node rescues it
                LOG.log(Level.FINE, "giving back task " + task.id() + " failed", e);
            }
        }
        batch.forgetAll();
    }
}
