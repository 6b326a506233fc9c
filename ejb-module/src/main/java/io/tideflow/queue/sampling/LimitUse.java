package io.tideflow.queue.sampling;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.groups.TokenBucket;
import io.tideflow.queue.history.FigureSample;
import io.tideflow.queue.history.SampledFigure;
import io.tideflow.queue.metrics.QueueSnapshot;
import io.tideflow.queue.store.groups.GroupRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each limited group's use of its limits at one sampling: running tasks against {@code max-concurrent} (this node's) and
 * {@code max-concurrent-cluster} (every node's, from the queue's last sample), whether it was at one of them, how much
 * of its rate bucket was spent, whether its breaker was open. Percent, so that the history's mean over a minute reads
 * as the share of the minute.
 */
final class LimitUse {

    private LimitUse() {}

    /**
     * @param groups          the restricted groups as this node read them last
     * @param runningHere     tasks running on this node by group
     * @param queue           the queue's last sample (running tasks of every node, breakers)
     * @param nowMillis       the sampling's time, to refill the rate buckets to
     */
    static List<FigureSample> of(
            List<GroupRow> groups, Map<String, Integer> runningHere, QueueSnapshot queue, long nowMillis) {
        List<FigureSample> samples = new ArrayList<>();
        for (GroupRow group : groups) {
            String name = group.name();
            int running = runningHere.getOrDefault(name, 0);
            samples.add(new FigureSample(name, SampledFigure.GROUP_RUNNING, running));
            boolean limited = false;
            boolean atLimit = false;
            if (group.maxConcurrent() != null && group.maxConcurrent() > 0) {
                limited = true;
                atLimit = running >= group.maxConcurrent();
                samples.add(
                        new FigureSample(name, SampledFigure.GROUP_USE_NODE, percent(running, group.maxConcurrent())));
            }
            if (group.maxConcurrentCluster() != null && group.maxConcurrentCluster() > 0) {
                long everywhere = queue.depthOf(name, TaskState.RUNNING);
                limited = true;
                atLimit |= everywhere >= group.maxConcurrentCluster();
                samples.add(new FigureSample(
                        name, SampledFigure.GROUP_USE_CLUSTER, percent(everywhere, group.maxConcurrentCluster())));
            }
            if (limited) {
                samples.add(new FigureSample(name, SampledFigure.GROUP_AT_LIMIT, atLimit ? 100 : 0));
            }
            if (group.ratePermits() != null && group.ratePermits() > 0) {
                TokenBucket bucket = new TokenBucket(group.ratePermits(), group.ratePeriodMillis());
                double tokens = bucket.refill(group.rateTokens(), group.rateRefilledAt(), nowMillis);
                samples.add(new FigureSample(
                        name, SampledFigure.GROUP_RATE_USE, 100 - percent(tokens, group.ratePermits())));
            }
            if (group.breaker()) {
                samples.add(new FigureSample(
                        name, SampledFigure.GROUP_BREAKER_OPEN, queue.breakerIn(name, BreakerState.OPEN) ? 100 : 0));
            }
        }
        return samples;
    }

    private static double percent(double part, double whole) {
        return Math.max(0, Math.min(100, 100 * part / whole));
    }
}
