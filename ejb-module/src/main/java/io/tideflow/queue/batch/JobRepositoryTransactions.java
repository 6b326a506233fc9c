package io.tideflow.queue.batch;

import io.tideflow.queue.store.batch.BatchExecutionLog;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Reads, marks and deletes of the job repository's executions, each in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobRepositoryTransactions {

    @Inject
    BatchExecutionLog log;

    public List<Long> leftRunning(String node, Instant nodeStartedAt, Instant aliveSince) {
        return log.leftRunning(node, nodeStartedAt, aliveSince);
    }

    public boolean failLeftRunning(long executionId, String why) {
        return log.failLeftRunning(executionId, why);
    }

    public int indexJobRepository() {
        return log.indexJobRepository();
    }

    public boolean holdsJobRepository() {
        return log.holdsJobRepository();
    }

    public boolean forget(long executionId, boolean repositoryHere) {
        return log.forget(executionId, repositoryHere);
    }
}
