package io.tideflow.admin.rest.body;

import io.tideflow.batch.executions.BatchExecutionView;
import io.tideflow.batch.executions.StepView;
import io.tideflow.queue.api.admin.BatchTaskView;
import java.time.Instant;
import java.util.List;

/**
 * Batch executions, newest first; {@code next} is the {@code before} of the next page, absent on the last. Times
 * absent are not reached yet (or, with status {@code UNKNOWN}, no longer known to the batch runtime).
 */
public record BatchesBody(List<Execution> executions, String next) {

    public record Execution(
            long id,
            String job,
            String type,
            String group,
            String node,
            String status,
            String exitStatus,
            String startedBy,
            Long restartOf,
            Instant createdAt,
            Instant startedAt,
            Instant endedAt,
            Instant updatedAt,
            long read,
            long written,
            long skipped,
            List<StepView> steps,
            List<Task> tasks) {}

    /** A task the execution claimed, with its state now. */
    public record Task(String id, String type, String state, int attempts, int claims, Instant firstClaimedAt) {}

    public static BatchesBody of(List<BatchExecutionView> executions, int limit) {
        String next = executions.size() < limit
                ? null
                : Long.toString(executions.get(executions.size() - 1).record().executionId());
        return new BatchesBody(executions.stream().map(e -> execution(e, null)).toList(), next);
    }

    /** One execution; {@code tasks} null leaves them out. */
    public static Execution execution(BatchExecutionView view, List<BatchTaskView> tasks) {
        var record = view.record();
        return new Execution(
                record.executionId(),
                record.job(),
                record.type(),
                record.group(),
                record.node(),
                view.status(),
                view.exitStatus(),
                record.startedBy(),
                record.restartOf(),
                record.startedAt(),
                view.startedAt(),
                view.endedAt(),
                view.updatedAt(),
                view.read(),
                view.written(),
                view.skipped(),
                view.steps(),
                tasks == null
                        ? null
                        : tasks.stream()
                                .map(t -> new Task(
                                        t.taskId(), t.type(), t.state(), t.attempts(), t.claims(), t.firstClaimedAt()))
                                .toList());
    }
}
