package io.tideflow.queue.groups.breaker;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts attempt outcomes per group and hands them to a writer, one writer at a time, everything counted meanwhile
 * together: a breaker's row is written once per batch of outcomes rather than once per attempt, and never inside an
 * attempt's own transaction, so a busy group's completions do not queue on its breaker's lock.
 */
public final class OutcomeTally {

    private static final Logger LOG = Logger.getLogger(OutcomeTally.class.getName());

    /** Writes one group's counted outcomes. */
    @FunctionalInterface
    public interface Writer {
        void write(String group, int successes, int failures);
    }

    private final Executor executor;
    private final Writer writer;
    private final Map<String, AtomicLong[]> counts = new ConcurrentHashMap<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();

    public OutcomeTally(Executor executor, Writer writer) {
        this.executor = executor;
        this.writer = writer;
    }

    public void succeeded(String group) {
        add(group, 0);
    }

    public void failed(String group) {
        add(group, 1);
    }

    private void add(String group, int which) {
        counts.computeIfAbsent(group, g -> new AtomicLong[] {new AtomicLong(), new AtomicLong()})[which]
                .incrementAndGet();
        pending.set(true);
        if (writing.compareAndSet(false, true)) {
            executor.execute(this::writeWhilePending);
        }
    }

    private void writeWhilePending() {
        try {
            while (pending.getAndSet(false)) {
                for (String group : new ArrayList<>(counts.keySet())) {
                    AtomicLong[] tally = counts.get(group);
                    int successes = (int) tally[0].getAndSet(0);
                    int failures = (int) tally[1].getAndSet(0);
                    if (successes + failures > 0) {
                        write(group, successes, failures);
                    }
                }
            }
        } finally {
            writing.set(false);
        }
        // an outcome counted between the last look and the reset above must not wait for the next one
        if (pending.get() && writing.compareAndSet(false, true)) {
            executor.execute(this::writeWhilePending);
        }
    }

    private void write(String group, int successes, int failures) {
        try {
            writer.write(group, successes, failures);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "recording " + successes + " successes and " + failures + " failures for the" + " breaker of group "
                            + group + " failed; they are not counted",
                    e);
        }
    }
}
