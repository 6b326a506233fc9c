package io.tideflow.queue.store.groups;

/**
 * A row of {@code resource_groups}: what restricts one group, as every node sees it.
 *
 * @param maxConcurrent        per node, or {@code null}
 * @param maxConcurrentCluster across all nodes, or {@code null}
 * @param ratePermits          starts allowed per {@code ratePeriodMillis}, or {@code null}
 * @param rateTokens           the token bucket's fill as of {@code rateRefilledAt} (epoch milliseconds)
 * @param limitsFromApi        the limits were set by an operator and configuration no longer overrides them
 * @param breaker              the group has a circuit breaker (a row in {@code circuit_breaker_state})
 */
public record GroupRow(
        String name,
        boolean paused,
        Integer maxConcurrent,
        Integer maxConcurrentCluster,
        Integer ratePermits,
        Long ratePeriodMillis,
        double rateTokens,
        long rateRefilledAt,
        boolean limitsFromApi,
        long updatedAt,
        boolean breaker) {

    /** True when the group's tasks are claimed one group at a time, within its limits and its breaker. */
    public boolean restricted() {
        return paused || breaker || maxConcurrent != null || maxConcurrentCluster != null || ratePermits != null;
    }
}
