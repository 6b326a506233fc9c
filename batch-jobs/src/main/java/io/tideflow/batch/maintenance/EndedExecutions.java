package io.tideflow.batch.maintenance;

import io.tideflow.batch.executions.BatchExecutions;
import io.tideflow.queue.api.admin.BatchRecords;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The retention of batch executions ({@code tideflow.batch.execution-retention}): executions started before it that
 * have ended are forgotten, with the tasks they claimed and, where the job repository is in Tideflow's database, its
 * rows of them. One still running stays, however old.
 */
@ApplicationScoped
public class EndedExecutions {

    /** At most this many executions a run: the rest go at the next. */
    static final int MOST_PER_RUN = 500;

    @Inject
    BatchRecords records;

    private volatile boolean indexed;

    public int forgetStartedBefore(Instant before) {
        if (!indexed) {
            // once per node start: the runtime has made its tables by the time it runs this job
            records.indexJobRepository();
            indexed = true;
        }
        JobOperator jobs = BatchRuntime.getJobOperator();
        List<Long> ended = new ArrayList<>();
        for (long execution : records.startedBefore(before, MOST_PER_RUN)) {
            if (!isRunning(jobs, execution)) {
                ended.add(execution);
            }
        }
        return ended.isEmpty() ? 0 : records.forget(ended);
    }

    private static boolean isRunning(JobOperator jobs, long execution) {
        try {
            return BatchExecutions.isRunning(jobs.getJobExecution(execution).getBatchStatus());
        } catch (NoSuchJobExecutionException e) {
            // the runtime's repository no longer knows it (an in-memory one, since a restart)
            return false;
        }
    }
}
