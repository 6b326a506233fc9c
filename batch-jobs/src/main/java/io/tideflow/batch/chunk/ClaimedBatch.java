package io.tideflow.batch.chunk;

import io.tideflow.queue.api.worker.LeasedTask;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one step execution holds: the tasks it claimed and has not finished (completed in a committed chunk, or
 * recorded as failed), the ones not read yet, and those written in the chunk now open. Shared by the step's artifacts
 * as the step's transient user data; one thread runs a step, so it needs no locking.
 */
final class ClaimedBatch {

    private final Map<String, LeasedTask> held = new LinkedHashMap<>();
    private final Deque<LeasedTask> unread = new ArrayDeque<>();
    private final List<LeasedTask> written = new ArrayList<>();
    private Instant claimedAt;
    private long chunkStartedNanos = System.nanoTime();

    void claimed(List<LeasedTask> tasks, Instant at) {
        tasks.forEach(task -> held.put(task.id().value(), task));
        unread.addAll(tasks);
        claimedAt = at;
    }

    LeasedTask next() {
        return unread.poll();
    }

    /** Whether every task of the last claim has been read: the chunk is complete. */
    boolean allRead() {
        return unread.isEmpty();
    }

    void written(List<LeasedTask> tasks) {
        written.addAll(tasks);
    }

    /** The chunk committed: its tasks are finished. Returns how many it held. */
    int committed() {
        written.forEach(task -> held.remove(task.id().value()));
        int size = written.size();
        written.clear();
        return size;
    }

    /** The chunk rolled back: its tasks are held still, and will be given back or run again. */
    void rolledBack() {
        written.clear();
    }

    void finished(LeasedTask task) {
        held.remove(task.id().value());
        written.remove(task);
    }

    List<LeasedTask> held() {
        return List.copyOf(held.values());
    }

    void forgetAll() {
        held.clear();
        unread.clear();
        written.clear();
    }

    void leasesExtended(Instant at) {
        claimedAt = at;
    }

    Instant claimedAt() {
        return claimedAt;
    }

    void startChunk() {
        chunkStartedNanos = System.nanoTime();
    }

    long chunkNanos() {
        return System.nanoTime() - chunkStartedNanos;
    }
}
