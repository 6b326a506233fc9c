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

    /** The limits as an operator reads them in the group's action log: {@code max-concurrent=3, rate=10/PT1S}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (maxConcurrent != null) {
            text.append("max-concurrent=").append(maxConcurrent);
        }
        if (maxConcurrentCluster != null) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append("max-concurrent-cluster=")
                    .append(maxConcurrentCluster);
        }
        if (ratePermits != null) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append("rate=")
                    .append(ratePermits)
                    .append('/')
                    .append(java.time.Duration.ofMillis(ratePeriodMillis));
        }
        return text.isEmpty() ? "none" : text.toString();
    }
}
