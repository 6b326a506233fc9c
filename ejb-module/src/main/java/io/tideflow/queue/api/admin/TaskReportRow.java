package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskState;

/**
 * The tasks of one group, type and state in a report, with the run time of those that completed.
 *
 * @param avgExecutionMs  mean run time of the completed ones (null when none completed)
 * @param maxExecutionMs  longest run time of the completed ones (null when none completed)
 */
public record TaskReportRow(
        String group, String type, TaskState state, long count, Double avgExecutionMs, Long maxExecutionMs) {}
