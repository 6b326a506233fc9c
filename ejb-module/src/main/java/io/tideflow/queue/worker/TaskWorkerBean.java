package io.tideflow.queue.worker;

import io.tideflow.queue.api.BatchTaskHandler;
import io.tideflow.queue.api.event.ChunkFinished;
import io.tideflow.queue.api.event.TaskCompleted;
import io.tideflow.queue.api.event.TaskLeaseLost;
import io.tideflow.queue.api.event.TaskStarted;
import io.tideflow.queue.api.worker.BatchShape;
import io.tideflow.queue.api.worker.ChunkFailedException;
import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.api.worker.TaskWorker;
import io.tideflow.queue.api.worker.WorkRequest;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.dispatch.RestrictedGroupClaim;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.failure.ErrorClassifier;
import io.tideflow.queue.failure.FailureRecorder;
import io.tideflow.queue.groups.GroupDirectory;
import io.tideflow.queue.groups.breaker.BreakerOutcomes;
import io.tideflow.queue.handler.HandlerReference;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import io.tideflow.queue.lease.LeaseReleaser;
import io.tideflow.queue.store.LeaseStore;
import io.tideflow.queue.store.TaskStore;
import io.tideflow.queue.store.batch.BatchExecutionLog;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The worker API over the engine's own claim, transitions, failure recorder and lease release. */
@Stateless
public class TaskWorkerBean implements TaskWorker {

    @Inject
    TaskStore store;

    @Inject
    LeaseStore leases;

    @Inject
    GroupStore groups;

    @Inject
    BreakerStore breakers;

    @Inject
    GroupDirectory directory;

    @Inject
    FailureRecorder failures;

    @Inject
    LeaseReleaser releaser;

    @Inject
    BreakerOutcomes breakerOutcomes;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    EngineSettings settings;

    @Inject
    Clock clock;

    @Inject
    TaskHandlerRegistry registry;

    @Inject
    ChunkTransactions chunkTransactions;

    @Inject
    BatchExecutionLog batchLog;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<LeasedTask> claim(WorkRequest request) {
        Instant now = clock.instant();
        List<LeasedTask> claimed = claimWithinLimits(request, now);
        if (request.batchExecution() != null) {
            batchLog.claimed(request.batchExecution(), claimed, now);
        }
        for (LeasedTask task : claimed) {
            lifecycle.publish(new TaskStarted(
                    task.id(),
                    task.type(),
                    task.group(),
                    task.attempt(),
                    settings.nodeId(),
                    Duration.between(task.dueAt(), now),
                    now));
        }
        return claimed;
    }

    private List<LeasedTask> claimWithinLimits(WorkRequest request, Instant now) {
        // this node's share counted in the database: the worker's tasks are not in the dispatcher's own count
        int heldHere = groups.runningHere(request.group(), settings.nodeId());
        RestrictedGroupClaim.Result result = RestrictedGroupClaim.claim(
                store,
                groups,
                breakers,
                new RestrictedGroupClaim.Target(
                        request.group(),
                        request.type() == null ? null : List.of(request.type()),
                        request.limit(),
                        heldHere),
                directory.breakerOf(request.group()),
                // one time for the whole request: its claim, its events and its execution's claim records share it
                Clock.fixed(now, ZoneOffset.UTC),
                settings.leaseDuration());
        if (result.breakerChange() != null) {
            lifecycle.publish(result.breakerChange());
        }
        // read from the database, not this node's directory of restricted groups, which only a dispatcher refreshes
        return result.groupHasNoRow() ? claimFreely(request, now) : result.claimed();
    }

    private List<LeasedTask> claimFreely(WorkRequest request, Instant now) {
        return store.claimDueInGroup(
                request.group(),
                request.type() == null ? null : List.of(request.type()),
                request.limit(),
                now,
                settings.leaseDuration());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean complete(LeasedTask task, String resultJson, Duration execution) {
        Instant now = clock.instant();
        if (!store.markSucceeded(task, resultJson, execution.toMillis(), now)) {
            lifecycle.publish(new TaskLeaseLost(task.id(), task.type(), task.group(), task.attempt(), now));
            return false;
        }
        // published inside the caller's transaction: delivered after it commits, dropped if it rolls back
        lifecycle.publish(new TaskCompleted(task.id(), task.type(), task.group(), task.attempt(), execution, now));
        breakerOutcomes.succeeded(task.group());
        return true;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public FailureVerdict fail(LeasedTask task, Throwable error, Duration execution) {
        breakerOutcomes.failed(task.group(), ErrorClassifier.classify(error));
        return failures.record(task, error, execution);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean release(LeasedTask task, String reason) {
        return releaser.release(task, reason);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<LeasedTask> extendLeases(List<LeasedTask> held) {
        return leases.heartbeatAll(held, clock.instant().plus(settings.leaseDuration()));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<BatchShape> batchTypes() {
        List<BatchShape> shapes = new ArrayList<>();
        for (String type : registry.batchTypes()) {
            try (HandlerReference<BatchTaskHandler> handler = registry.batchHandlerFor(type)) {
                shapes.add(new BatchShape(
                        type, handler.handler().batchSize(), handler.handler().maxWait()));
            }
        }
        return shapes;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Set<String> groupsWithDueTasks(String type) {
        return store.groupsWithDueTasksOfType(type, clock.instant());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void runChunk(List<LeasedTask> chunk) {
        if (chunk.isEmpty()) {
            // a batch runtime writes an empty chunk when its step stops or its reader ends on a chunk boundary
            return;
        }
        long started = System.nanoTime();
        try {
            chunkTransactions.run(chunk);
        } catch (ChunkFailedException e) {
            LeasedTask first = chunk.get(0);
            // outside any transaction: delivered now, as the rollback is final
            lifecycle.publish(new ChunkFinished(
                    first.type(),
                    first.group(),
                    chunk.size(),
                    false,
                    Duration.ofNanos(System.nanoTime() - started),
                    clock.instant()));
            throw e;
        }
    }
}
