package io.tideflow.queue.metrics;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.model.Breaker;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupRow;
import io.tideflow.queue.store.groups.GroupStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads of one sample of the queue, in a transaction of their own: the sampler's timer callback holds none, so
 * that nothing it leaves open can outlive an undeployment.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class QueueReads {

    @Inject
    GroupStore groups;

    @Inject
    BreakerStore breakers;

    /**
     * @param states       the live states to count per group
     * @param alsoFinished the finished states to count as well; empty to leave that (larger) count out this time
     */
    public Reading read(Instant now, Set<TaskState> states, Set<TaskState> alsoFinished) {
        return new Reading(
                groups.all(),
                breakers.all(),
                groups.depthByGroupIn(states),
                alsoFinished.isEmpty() ? null : groups.depthByGroupIn(alsoFinished),
                groups.oldestDueByGroup(now));
    }

    /**
     * @param groups        every group row
     * @param breakers      every breaker
     * @param liveDepth     tasks per group and live state
     * @param finishedDepth tasks per group and finished state; {@code null} when not read this time
     * @param oldestDue     per group, since when its longest-waiting due task has been due
     */
    public record Reading(
            List<GroupRow> groups,
            List<Breaker> breakers,
            Map<String, Map<TaskState, Long>> liveDepth,
            Map<String, Map<TaskState, Long>> finishedDepth,
            Map<String, Instant> oldestDue) {}
}
