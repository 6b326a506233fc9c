package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskState;
import java.time.Duration;
import java.util.Map;

/**
 * A resource group as operators see it: its tasks by state, its limits and whether it is paused.
 *
 * @param depth                tasks of the group by state (states without tasks are absent)
 * @param maxConcurrent        per node, or {@code null} for none
 * @param maxConcurrentCluster across all nodes, or {@code null} for none
 * @param ratePermits          starts per {@code ratePeriod} across all nodes, or {@code null} for none
 * @param limitsFromApi        the limits were set by an operator; configuration no longer changes them
 * @param breaker              the group's circuit breaker, or {@code null} when it has none
 */
public record GroupView(
        String name,
        Map<TaskState, Long> depth,
        boolean paused,
        Integer maxConcurrent,
        Integer maxConcurrentCluster,
        Integer ratePermits,
        Duration ratePeriod,
        boolean limitsFromApi,
        BreakerView breaker) {}
