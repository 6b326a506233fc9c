package io.tideflow.queue.model;

/**
 * The limits of one group; {@code null} means none.
 *
 * @param maxConcurrent        tasks of the group running at once on one node
 * @param maxConcurrentCluster tasks of the group running at once across all nodes
 * @param ratePermits          starts allowed per {@code ratePeriodMillis} across all nodes
 */
public record GroupLimits(
        Integer maxConcurrent, Integer maxConcurrentCluster, Integer ratePermits, Long ratePeriodMillis) {

    public static final GroupLimits NONE = new GroupLimits(null, null, null, null);

    public boolean hasRate() {
        return ratePermits != null;
    }
}
