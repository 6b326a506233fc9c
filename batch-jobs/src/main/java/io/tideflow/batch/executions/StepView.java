package io.tideflow.batch.executions;

import java.time.Instant;

/** One step of an execution with the batch runtime's counts for it. */
public record StepView(
        String name,
        String status,
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
