package io.tideflow.queue.lease;

import io.tideflow.queue.api.ErrorClass;
import io.tideflow.queue.api.event.TaskDeadLettered;
import io.tideflow.queue.api.event.TaskLeaseRescued;
import io.tideflow.queue.api.event.TaskRetryScheduled;
import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.TypePolicies;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.execution.RunningAttempt;
import io.tideflow.queue.failure.RetryBackoff;
import io.tideflow.queue.failure.RetryDecider;
import io.tideflow.queue.model.RetryDecision;
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
import java.util.Optional;
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

    @Inject
    LifecycleEvents lifecycle;

    private final RetryBackoff backoff =
            new RetryBackoff(() -> ThreadLocalRandom.current().nextDouble());

    /** Extends the leases of these attempts; returns those whose lease is no longer theirs. */
    public List<RunningAttempt> heartbeat(List<RunningAttempt> attempts) {
        Set<LeasedTask> lost = Set.copyOf(leases.heartbeatAll(
                attempts.stream().map(RunningAttempt::task).toList(),
                clock.instant().plus(settings.leaseDuration())));
        return attempts.stream()
                .filter(attempt -> lost.contains(attempt.task()))
                .toList();
    }

    /** Refreshes this node's row in the node registry. */
    public void beat(Instant startedAt, int running) {
        int workers = settings.dispatcherEnabled() ? settings.workers() : 0;
        nodes.beat(settings.nodeId(), startedAt, clock.instant(), running, workers);
    }

    /** The database's clock now, where it is not this node's own. */
    public Optional<Instant> databaseTime() {
        return leases.databaseTime();
    }

    /** Takes this node out of the node registry: it stops. */
    public void leave() {
        nodes.leave(settings.nodeId());
    }

    /** A read, in a transaction all the same: the store's statements run on the transaction's connection. */
    public Set<String> cancelRequestedAmong(List<String> ids) {
        return leases.cancelRequestedAmong(ids);
    }

    /** Rescues up to {@code limit} expired leases; returns how many it took back. */
    public List<FailureVerdict> rescueExpired(int limit) {
        Instant now = clock.instant();
        List<FailureVerdict> outcomes = new ArrayList<>();
        for (RescueCandidate task : leases.expiredLeases(now, limit)) {
            Instant retryAt = retryAt(task, now);
            FailureVerdict outcome = leases.rescueExpired(task, decisionFor(task), retryAt, now);
            announce(task, outcome, retryAt, now);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** Rescues the tasks this node held when it stopped without releasing them (a crash). */
    public List<FailureVerdict> rescueOrphans() {
        Instant now = clock.instant();
        List<FailureVerdict> outcomes = new ArrayList<>();
        for (RescueCandidate task : leases.heldBy(settings.nodeId())) {
            Instant retryAt = retryAt(task, now);
            FailureVerdict outcome = leases.rescueOrphan(task, decisionFor(task), retryAt, now);
            announce(task, outcome, retryAt, now);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private void announce(RescueCandidate task, FailureVerdict outcome, Instant retryAt, Instant now) {
        if (outcome == FailureVerdict.STALE_LEASE) {
            return;
        }
        lifecycle.publish(new TaskLeaseRescued(task.id(), task.type(), task.group(), task.owner(), now));
        lifecycle.publish(
                outcome == FailureVerdict.DEAD_LETTERED
                        ? new TaskDeadLettered(task.id(), task.type(), task.group(), task.attempts(), now)
                        : new TaskRetryScheduled(task.id(), task.type(), task.group(), task.attempts(), retryAt, now));
    }

    /** A lost lease is a failed attempt like any other whose cause was not the task's: TRANSIENT. */
    private static RetryDecision decisionFor(RescueCandidate task) {
        return RetryDecider.decide(task.attempts(), task.maxAttempts(), ErrorClass.TRANSIENT);
    }

    private Instant retryAt(RescueCandidate task, Instant now) {
        return now.plus(
                backoff.delayAfter(types.policyOf(task.type(), task.group()).retry(), task.attempts()));
    }
}
