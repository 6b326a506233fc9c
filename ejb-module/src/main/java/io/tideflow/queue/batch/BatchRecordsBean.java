package io.tideflow.queue.batch;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.BatchExecutionRecord;
import io.tideflow.queue.api.admin.BatchRecords;
import io.tideflow.queue.api.admin.BatchTaskView;
import io.tideflow.queue.audit.CallerNames;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.store.batch.BatchExecutionLog;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link BatchRecords} over the {@code batch_executions} and {@code batch_execution_tasks} tables. */
@Stateless
public class BatchRecordsBean implements BatchRecords {

    private static final int MAX_TASKS = 10_000;

    @Inject
    BatchExecutionLog log;

    @Inject
    JobRepositoryTransactions repository;

    @Inject
    EngineSettings settings;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public BatchExecutionRecord started(long executionId, String job, String type, String group, Long restartOf) {
        String caller = CallerNames.of(context);
        BatchExecutionRecord record = new BatchExecutionRecord(
                executionId,
                job,
                type,
                group,
                settings.nodeId(),
                clock.instant(),
                restartOf,
                caller == null ? CallerNames.APPLICATION : caller);
        log.started(record);
        return record;
    }

    @Override
    public List<BatchExecutionRecord> newest(Long before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidTaskRequestException("limit", "must be 1.." + MAX_PAGE + ", got " + limit);
        }
        return log.newest(before, limit);
    }

    @Override
    public Optional<BatchExecutionRecord> find(long executionId) {
        return log.find(executionId);
    }

    @Override
    public boolean jobRepositoryHere() {
        return log.holdsJobRepository();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Long> failExecutionsLeftRunning(Instant thisNodeSince) {
        Instant aliveSince = clock.instant().minus(settings.heartbeatInterval().multipliedBy(3));
        List<Long> candidates = repository.leftRunning(settings.nodeId(), thisNodeSince, aliveSince);
        List<Long> failed = new ArrayList<>();
        for (long execution : candidates) {
            String why = "FAILED: left running by a node that stopped (marked by " + settings.nodeId() + ")";
            if (repository.failLeftRunning(execution, why)) {
                failed.add(execution);
            }
        }
        return failed;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void indexJobRepository() {
        if (repository.holdsJobRepository()) {
            repository.indexJobRepository();
        }
    }

    @Override
    public List<Long> startedBefore(Instant before, int limit) {
        return log.startedBefore(before, limit);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int forget(List<Long> endedExecutions) {
        boolean repositoryHere = repository.holdsJobRepository();
        int forgotten = 0;
        for (long execution : endedExecutions) {
            if (repository.forget(execution, repositoryHere)) {
                forgotten++;
            }
        }
        return forgotten;
    }

    @Override
    public String thisNode() {
        return settings.nodeId();
    }

    @Override
    public List<BatchTaskView> tasksOf(long executionId, int limit) {
        if (limit < 1 || limit > MAX_TASKS) {
            throw new InvalidTaskRequestException("tasks", "must be 1.." + MAX_TASKS + ", got " + limit);
        }
        return log.tasksOf(executionId, limit);
    }
}
