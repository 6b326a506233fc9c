package io.tideflow.queue.api.admin;

import java.time.Instant;

/**
 * What Tideflow recorded of a Jakarta Batch execution it started, beside the batch runtime's own repository.
 *
 * @param type the task type a chunk job runs, or null for a job that runs no task type
 * @param group the resource group a chunk job claims from, or null
 * @param node the node that started it and runs it
 * @param restartOf the execution this one restarted, or null
 * @param startedBy who started it: an operator's name for a restart, {@code (application)} otherwise
 */
public record BatchExecutionRecord(
        long executionId,
        String job,
        String type,
        String group,
        String node,
        Instant startedAt,
        Long restartOf,
        String startedBy) {}
