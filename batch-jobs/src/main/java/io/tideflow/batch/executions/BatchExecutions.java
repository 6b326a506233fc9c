package io.tideflow.batch.executions;

import io.tideflow.queue.api.admin.BatchExecutionRecord;
import io.tideflow.queue.api.admin.BatchRecords;
import io.tideflow.queue.api.admin.BatchTaskView;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The executions Tideflow started, read from its records and the batch runtime's repository; restart and stop through
 * the runtime's {@link JobOperator}, each checked against the execution's status (and, for a stop, the node that runs
 * it) first, so that an operator gets a plain refusal rather than the runtime's exception.
 */
@ApplicationScoped
public class BatchExecutions {

    private static final Set<BatchStatus> RESTARTABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED);
    private static final Set<BatchStatus> STOPPABLE = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED);
    private static final Set<BatchStatus> RUNNING =
            EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    /** Whether an execution in this status still runs (a stopping one too): not to be started again or forgotten. */
    public static boolean isRunning(BatchStatus status) {
        return RUNNING.contains(status);
    }

    @Inject
    BatchRecords records;

    /** The newest executions first (below {@code before} when given), at most {@code limit}. */
    public List<BatchExecutionView> newest(Long before, int limit) {
        JobOperator jobs = BatchRuntime.getJobOperator();
        return records.newest(before, limit).stream()
                .map(record -> viewOf(jobs, record))
                .toList();
    }

    public BatchExecutionView find(long executionId) {
        return viewOf(BatchRuntime.getJobOperator(), recordOf(executionId));
    }

    public List<BatchTaskView> tasksOf(long executionId, int limit) {
        recordOf(executionId);
        return records.tasksOf(executionId, limit);
    }

    /**
     * Restarts a FAILED or STOPPED execution with its own job parameters: the new execution claims the due tasks of
     * the same type and group afresh (the failed one's tasks came back to the queue when it closed, or when their
     * leases ran out).
     *
     * @return the new execution
     */
    public BatchExecutionView restart(long executionId) {
        BatchExecutionRecord record = recordOf(executionId);
        JobOperator jobs = BatchRuntime.getJobOperator();
        BatchStatus status = statusOf(jobs, executionId);
        if (!RESTARTABLE.contains(status)) {
            throw new BatchExecutionStateException("batch execution " + executionId + " is " + status
                    + "; only a FAILED or STOPPED execution can be restarted");
        }
        long restarted;
        try {
            // its own parameters given again: JBeret merges them with the new ones, Payara's runtime takes the new
            // ones only
            restarted = jobs.restart(executionId, jobs.getParameters(executionId));
        } catch (JobExecutionNotMostRecentException e) {
            throw new BatchExecutionStateException(
                    "batch execution " + executionId + " was restarted already; restart its newest execution instead");
        } catch (JobRestartException e) {
            throw new BatchExecutionStateException(
                    "the batch runtime refused to restart execution " + executionId + ": " + e.getMessage());
        }
        BatchExecutionRecord started =
                records.started(restarted, record.job(), record.type(), record.group(), executionId);
        return viewOf(jobs, started);
    }

    /**
     * Asks a STARTING or STARTED execution to stop; it stops at its next chunk boundary, and its reader gives back the
     * tasks it holds. Only the node that runs an execution can stop it.
     */
    public BatchExecutionView stop(long executionId) {
        BatchExecutionRecord record = recordOf(executionId);
        String thisNode = records.thisNode();
        if (!record.node().equals(thisNode)) {
            throw new BatchExecutionStateException("batch execution " + executionId + " runs on node " + record.node()
                    + ", not on this one (" + thisNode + "); ask that node to stop it");
        }
        JobOperator jobs = BatchRuntime.getJobOperator();
        BatchStatus status = statusOf(jobs, executionId);
        if (!STOPPABLE.contains(status)) {
            throw new BatchExecutionStateException(
                    "batch execution " + executionId + " is " + status + "; only a running execution can be stopped");
        }
        try {
            jobs.stop(executionId);
        } catch (JobExecutionNotRunningException e) {
            throw new BatchExecutionStateException("batch execution " + executionId + " ended before the stop");
        }
        return viewOf(jobs, record);
    }

    private BatchExecutionRecord recordOf(long executionId) {
        return records.find(executionId).orElseThrow(() -> new BatchExecutionNotFoundException(executionId));
    }

    private static BatchStatus statusOf(JobOperator jobs, long executionId) {
        try {
            return jobs.getJobExecution(executionId).getBatchStatus();
        } catch (NoSuchJobExecutionException e) {
            throw new BatchExecutionStateException("the batch runtime's repository no longer holds execution "
                    + executionId + "; it can be neither restarted nor stopped");
        }
    }

    private static BatchExecutionView viewOf(JobOperator jobs, BatchExecutionRecord record) {
        JobExecution execution;
        try {
            execution = jobs.getJobExecution(record.executionId());
        } catch (NoSuchJobExecutionException e) {
            return new BatchExecutionView(record, BatchExecutionView.UNKNOWN, null, null, null, null, List.of());
        }
        List<StepView> steps = jobs.getStepExecutions(record.executionId()).stream()
                .map(BatchExecutions::stepOf)
                .toList();
        return new BatchExecutionView(
                record,
                execution.getBatchStatus().name(),
                execution.getExitStatus(),
                instantOf(execution.getStartTime()),
                instantOf(execution.getEndTime()),
                instantOf(execution.getLastUpdatedTime()),
                steps);
    }

    private static StepView stepOf(StepExecution step) {
        Metric[] metrics = step.getMetrics();
        return new StepView(
                step.getStepName(),
                step.getBatchStatus() == null
                        ? BatchExecutionView.UNKNOWN
                        : step.getBatchStatus().name(),
                step.getExitStatus(),
                count(metrics, Metric.MetricType.READ_COUNT),
                count(metrics, Metric.MetricType.WRITE_COUNT),
                count(metrics, Metric.MetricType.FILTER_COUNT),
                count(metrics, Metric.MetricType.COMMIT_COUNT),
                count(metrics, Metric.MetricType.ROLLBACK_COUNT),
                count(metrics, Metric.MetricType.READ_SKIP_COUNT),
                count(metrics, Metric.MetricType.PROCESS_SKIP_COUNT),
                count(metrics, Metric.MetricType.WRITE_SKIP_COUNT),
                instantOf(step.getStartTime()),
                instantOf(step.getEndTime()));
    }

    private static long count(Metric[] metrics, Metric.MetricType type) {
        if (metrics == null) {
            return 0;
        }
        for (Metric metric : metrics) {
            if (metric.getType() == type) {
                return metric.getValue();
            }
        }
        return 0;
    }

    private static Instant instantOf(Date date) {
        return date == null ? null : date.toInstant();
    }
}
