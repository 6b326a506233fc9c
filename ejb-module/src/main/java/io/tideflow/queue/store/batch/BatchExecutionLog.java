package io.tideflow.queue.store.batch;

import io.tideflow.queue.api.admin.BatchExecutionRecord;
import io.tideflow.queue.api.admin.BatchTaskView;
import io.tideflow.queue.api.worker.LeasedTask;
import io.tideflow.queue.sql.RowMapper;
import io.tideflow.queue.sql.SqlCatalog;
import io.tideflow.queue.sql.SqlNull;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.StoreDialect;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code batch_executions} and {@code batch_execution_tasks} tables. */
public class BatchExecutionLog {

    private static final RowMapper<BatchExecutionRecord> EXECUTION = row -> {
        long restartOf = row.getLong(7);
        Long restarted = row.wasNull() ? null : restartOf;
        return new BatchExecutionRecord(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                Instant.ofEpochMilli(row.getLong(6)),
                restarted,
                row.getString(8));
    };

    private static final RowMapper<BatchTaskView> TASK = row -> new BatchTaskView(
            row.getString(1).trim(),
            row.getString(2),
            row.getString(3),
            row.getInt(4),
            row.getInt(5),
            Instant.ofEpochMilli(row.getLong(6)));

    private static final List<String> REPOSITORY_INDEXES =
            List.of("jberet.indexJobExecutions", "jberet.indexStepExecutions", "jberet.indexPartitionExecutions");

    private final SqlRunner sql;
    private final SqlCatalog catalog;

    public BatchExecutionLog(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
        this.catalog = dialect.statements();
    }

    public void started(BatchExecutionRecord execution) {
        sql.update(
                "batch.started",
                execution.executionId(),
                execution.job(),
                execution.type(),
                execution.group(),
                execution.node(),
                execution.startedAt().toEpochMilli(),
                SqlNull.bigint(execution.restartOf()),
                execution.startedBy());
    }

    /** Records that the execution claimed these tasks, in the claim's transaction. */
    public void claimed(long executionId, List<LeasedTask> tasks, Instant at) {
        if (!tasks.isEmpty()) {
            sql.batch("batch.claimed", tasks, task ->
                    new Object[] {executionId, task.id().value(), at.toEpochMilli()});
        }
    }

    public List<BatchExecutionRecord> newest(Long before, int limit) {
        return before == null
                ? sql.list("batch.newest", limit, EXECUTION)
                : sql.list("batch.newestBefore", limit, EXECUTION, before);
    }

    public Optional<BatchExecutionRecord> find(long executionId) {
        return sql.first("batch.one", EXECUTION, executionId);
    }

    /** Whether the batch runtime keeps its job repository in this database (JBeret's tables). */
    public boolean holdsJobRepository() {
        return sql.hasTable("JOB_EXECUTION");
    }

    /**
     * The executions the job repository says are running that no node runs: {@code node}'s started before
     * {@code nodeStartedAt} (it started again since), and those of other nodes not seen since {@code aliveSince}.
     */
    public List<Long> leftRunning(String node, Instant nodeStartedAt, Instant aliveSince) {
        return sql.list(
                "batch.leftRunning",
                row -> row.getLong(1),
                node,
                nodeStartedAt.toEpochMilli(),
                node,
                aliveSince.toEpochMilli());
    }

    /**
     * Marks an execution, its steps and their partitions FAILED in the job repository, if it still says the execution
     * runs; {@code why} becomes their exit status.
     */
    public boolean failLeftRunning(long executionId, String why) {
        if (sql.update("batch.failJob", why, executionId) == 0) {
            return false;
        }
        sql.update("batch.failSteps", why, executionId);
        sql.update("batch.failPartitions", why, executionId);
        return true;
    }

    /**
     * Indexes the foreign keys of the job repository's tables where the database does not do it itself (PostgreSQL);
     * idempotent. Returns how many statements it ran.
     */
    public int indexJobRepository() {
        int ran = 0;
        for (String index : REPOSITORY_INDEXES) {
            if (catalog.all().stream().anyMatch(statement -> statement.name().equals(index))) {
                sql.update(index);
                ran++;
            }
        }
        return ran;
    }

    /** The executions started before {@code before}, oldest first; at most {@code limit}. */
    public List<Long> startedBefore(Instant before, int limit) {
        return sql.list("batch.startedBefore", limit, row -> row.getLong(1), before.toEpochMilli());
    }

    /**
     * Deletes Tideflow's record of an ended execution and the tasks it claimed; where the job repository is in this
     * database, its rows there too (its steps and partitions with it, its job instance once no execution of it is
     * left). An execution the repository still says runs is left alone.
     *
     * @return whether it was deleted
     */
    public boolean forget(long executionId, boolean repositoryHere) {
        if (repositoryHere) {
            Optional<Long> instance = sql.first("batch.repositoryInstanceOf", row -> row.getLong(1), executionId);
            if (instance.isPresent()) {
                if (sql.update("batch.repositoryForgetExecution", executionId) == 0) {
                    return false;
                }
                sql.update("batch.repositoryForgetInstance", instance.get(), instance.get());
            }
        }
        sql.update("batch.forgetTasks", executionId);
        return sql.update("batch.forget", executionId) > 0;
    }

    public List<BatchTaskView> tasksOf(long executionId, int limit) {
        return sql.list("batch.tasks", limit, TASK, executionId);
    }
}
