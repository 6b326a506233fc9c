package io.tideflow.queue.core;

import io.tideflow.queue.store.FailureOutcome;
import io.tideflow.queue.store.LeaseStore;
import io.tideflow.queue.store.NodeRegistry;
import io.tideflow.queue.store.RescueCandidate;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** The lease keeper's and the rescuer's transactions, each short and on its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LeaseTransactions {

    @Inject
    LeaseStore leases;

    @Inject
    NodeRegistry nodes;

    @Inject
    EngineSettings settings;

    @Inject
    TypePolicies types;

    @Inject
    Clock clock;

    private final RetryBackoff backoff = new RetryBackoff(() -> ThreadLocalRandom.current().nextDouble());

    /** Extends the leases of these attempts; returns those whose lease is no longer theirs. */
    public List<RunningAttempt> heartbeat(List<RunningAttempt> attempts) {
        Instant expiry = clock.instant().plus(settings.leaseDuration());
        List<RunningAttempt> lost = new ArrayList<>();
        for (RunningAttempt attempt : attempts) {
            if (!leases.heartbeat(attempt.task(), expiry)) {
                lost.add(attempt);
            }
        }
        return lost;
    }

    /** Refreshes this node's row in the node registry. */
    public void beat(Instant startedAt, int running) {
        nodes.beat(settings.nodeId(), startedAt, clock.instant(), running);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> cancelRequestedAmong(List<String> ids) {
        return leases.cancelRequestedAmong(ids);
    }

    /** Rescues up to {@code limit} expired leases; returns how many it took back. */
    public List<FailureOutcome> rescueExpired(int limit) {
        Instant now = clock.instant();
        List<FailureOutcome> outcomes = new ArrayList<>();
        for (RescueCandidate task : leases.expiredLeases(now, limit)) {
            outcomes.add(leases.rescueExpired(task, retryAt(task, now), now));
        }
        return outcomes;
    }

    /** Rescues the tasks this node held when it stopped without releasing them (a crash). */
    public List<FailureOutcome> rescueOrphans() {
        Instant now = clock.instant();
        List<FailureOutcome> outcomes = new ArrayList<>();
        for (RescueCandidate task : leases.heldBy(settings.nodeId())) {
            outcomes.add(leases.rescueOrphan(task, retryAt(task, now), now));
        }
        return outcomes;
    }

    private Instant retryAt(RescueCandidate task, Instant now) {
        return now.plus(backoff.delayAfter(types.policyOf(task.type(), task.group()).retry(), task.attempts()));
    }
}
