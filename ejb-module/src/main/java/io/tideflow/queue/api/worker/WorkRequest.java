package io.tideflow.queue.api.worker;

/**
 * What a worker asks to claim: due tasks of one resource group, optionally of one type only, at most {@code limit}.
 * The group's limits, rate, breaker and pause apply as they do to the dispatcher.
 *
 * @param type the only task type to claim, or {@code null} for every type of the group
 * @param batchExecution the Jakarta Batch execution claiming, recorded with each task it claims so that the execution
 *     lists its tasks, or {@code null}
 */
public record WorkRequest(String group, String type, int limit, Long batchExecution) {

    /** The most tasks one claim may take. */
    public static final int MAX_LIMIT = 1_000;

    public WorkRequest {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("group: a work request names the resource group to claim from");
        }
        if (type != null && type.isBlank()) {
            throw new IllegalArgumentException("type: blank; leave it null to claim every type of the group");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    public WorkRequest(String group, String type, int limit) {
        this(group, type, limit, null);
    }

    /** Up to {@code limit} due tasks of {@code type} in {@code group}. */
    public static WorkRequest ofType(String group, String type, int limit) {
        return new WorkRequest(group, type, limit);
    }

    /** The same request, made by a batch execution whose claims are to be recorded. */
    public WorkRequest forBatchExecution(long executionId) {
        return new WorkRequest(group, type, limit, executionId);
    }
}
