package io.tideflow.batch.chunk;

/**
 * When the launcher looks for due tasks again. Each look reads the due tasks of every batchable type (on Derby every
 * due row of the type: tens of milliseconds over a backlog of tens of thousands), so a look that finds only what
 * already runs waits twice as long as the one before, up to {@code busyMaxMillis}: a large backlog's drain does not
 * pay that read four times a second, and a new group of the type waits at most that long for its execution. Nothing
 * due and nothing running: {@code quietMillis}. A look that started an execution, or an execution that ended, brings
 * the next look back to {@code everyMillis}. One launcher thread uses it: no locking.
 */
final class LookCadence {

    private final long everyMillis;
    private final long quietMillis;
    private final long busyMaxMillis;
    private long busyMillis;
    private long nextAt;

    LookCadence(long everyMillis, long quietMillis, long busyMaxMillis) {
        this.everyMillis = everyMillis;
        this.quietMillis = quietMillis;
        this.busyMaxMillis = busyMaxMillis;
        this.busyMillis = everyMillis;
    }

    /** Whether a look is due at {@code now} (the looks' own timer ticks every {@code everyMillis}). */
    boolean lookDue(long now) {
        return now >= nextAt;
    }

    /** An execution ended: its slot is free, and its type and group may have tasks again. */
    void executionEnded() {
        busyMillis = everyMillis;
        nextAt = 0;
    }

    /** Records a look's outcome at {@code now} and returns the time of the next one. */
    long looked(long now, boolean due, boolean startedAny, boolean anyRunning) {
        if (startedAny) {
            busyMillis = everyMillis;
            nextAt = now;
        } else if (!due && !anyRunning) {
            busyMillis = everyMillis;
            nextAt = now + quietMillis;
        } else {
            nextAt = now + busyMillis;
            busyMillis = Math.min(busyMillis * 2, busyMaxMillis);
        }
        return nextAt;
    }
}
