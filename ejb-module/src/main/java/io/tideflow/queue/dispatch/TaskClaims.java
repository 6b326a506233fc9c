package io.tideflow.queue.dispatch;

import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.groups.GroupDirectory;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import io.tideflow.queue.lease.ClockSkew;
import io.tideflow.queue.store.TaskStore;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dispatcher's short transactions: each claim batch, group claim and retry promotion commits on its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TaskClaims {

    private static final int PROMOTION_BATCH = 500;
    /** Beyond this many groups with due tasks, those not seen wait for the claim across all groups. */
    static final int MAX_GROUPS_SEEN = 20_000;

    @Inject
    TaskStore store;

    @Inject
    GroupStore groups;

    @Inject
    BreakerStore breakers;

    @Inject
    GroupDirectory directory;

    @Inject
    EngineSettings settings;

    @Inject
    Clock clock;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    ClockSkew skew;

    /** Claims nothing while this node's clock is off the database's: its leases would be wrong for the others. */
    public List<LeasedTask> claimDue(int limit) {
        if (!skew.trustworthy()) {
            return List.of();
        }
        return store.claimDue(limit, clock.instant(), settings.leaseDuration(), registry.types());
    }

    /** Up to the given number of due tasks from each of these unrestricted groups, in one transaction. */
    public List<LeasedTask> claimDueFromGroups(Map<String, Integer> wantedByGroup) {
        if (!skew.trustworthy()) {
            return List.of();
        }
        return store.claimDueFromGroups(wantedByGroup, registry.types(), clock.instant(), settings.leaseDuration());
    }

    /** The groups with a due PENDING task, up to {@link #MAX_GROUPS_SEEN} of them (a plain read, no lock). */
    public List<String> groupsDue() {
        return store.groupsDue(clock.instant(), MAX_GROUPS_SEEN);
    }

    /** A claim from one restricted group, within its limits, in its own transaction. */
    public RestrictedGroupClaim.Result claimDueInGroup(String group, int wanted, int heldHere) {
        RestrictedGroupClaim.Result result = RestrictedGroupClaim.claim(
                store,
                groups,
                breakers,
                new RestrictedGroupClaim.Target(group, registry.types(), wanted, heldHere),
                directory.breakerOf(group),
                clock,
                settings.leaseDuration());
        if (result.breakerChange() != null) {
            lifecycle.publish(result.breakerChange());
        }
        return result;
    }

    /** Which of these groups have a due PENDING task (a plain read, no lock). */
    public Set<String> groupsWithDueTasks(List<String> groups) {
        if (!skew.trustworthy()) {
            // no group is asked for its tasks then
            return Set.of();
        }
        return store.groupsWithDueTasks(groups, clock.instant());
    }

    public int promoteDueRetries() {
        return store.promoteDueRetries(clock.instant(), PROMOTION_BATCH);
    }
}
