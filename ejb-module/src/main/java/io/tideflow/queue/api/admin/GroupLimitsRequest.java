package io.tideflow.queue.api.admin;

import java.time.Duration;

/**
 * New limits for a group; {@code null} removes that limit.
 *
 * @param maxConcurrent        tasks of the group running at once on one node (1–100,000)
 * @param maxConcurrentCluster tasks of the group running at once across all nodes (1–100,000)
 * @param ratePermits          starts per {@code ratePeriod} across all nodes (1–100,000); needs {@code ratePeriod}
 */
public record GroupLimitsRequest(
        Integer maxConcurrent, Integer maxConcurrentCluster, Integer ratePermits, Duration ratePeriod) {}
