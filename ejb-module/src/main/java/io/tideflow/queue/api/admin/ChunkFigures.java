package io.tideflow.queue.api.admin;

/**
 * A group's chunks of batchable types over a time range (the design's batch metrics).
 *
 * @param committed chunks whose tasks all completed
 * @param rolledBack chunks rolled back (their tasks then ran one per chunk)
 * @param tasks tasks completed in committed chunks
 * @param averageSize tasks per committed chunk
 * @param tasksPerSecond tasks completed in chunks per second over the range
 * @param successRate committed chunks over all chunks
 * @param duration how long committed chunks took, from the handler's call to the commit
 */
public record ChunkFigures(
        long committed,
        long rolledBack,
        long tasks,
        double averageSize,
        double tasksPerSecond,
        double successRate,
        LatencySummary duration) {}
