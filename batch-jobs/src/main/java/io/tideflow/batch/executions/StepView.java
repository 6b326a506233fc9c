package io.tideflow.batch.executions;

import java.time.Instant;

/**
 * One step of an execution with the batch runtime's counts for it, and its exit status (a batchlet's says what it did,
 * such as {@code "archived 12"}).
 */
public record StepView(
        String name,
        String status,
        String exitStatus,
        long read,
        long written,
        long filtered,
        long commits,
        long rollbacks,
        long readSkips,
        long processSkips,
        long writeSkips,
        Instant startedAt,
        Instant endedAt) {}
