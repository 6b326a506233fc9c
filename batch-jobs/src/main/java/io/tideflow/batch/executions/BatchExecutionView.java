package io.tideflow.batch.executions;

import io.tideflow.queue.api.admin.BatchExecutionRecord;
import java.time.Instant;
import java.util.List;

/**
 * An execution as the batch runtime and Tideflow know it.
 *
 * @param status the runtime's batch status, or {@code UNKNOWN} when its repository no longer holds the execution
 * @param startedAt null while it has not started
 * @param endedAt null while it runs
 */
public record BatchExecutionView(
        BatchExecutionRecord record,
        String status,
        String exitStatus,
        Instant startedAt,
        Instant endedAt,
        Instant updatedAt,
        List<StepView> steps) {

    static final String UNKNOWN = "UNKNOWN";

    /** Items read by every step. */
    public long read() {
        return steps.stream().mapToLong(StepView::read).sum();
    }

    public long written() {
        return steps.stream().mapToLong(StepView::written).sum();
    }

    public long skipped() {
        return steps.stream()
                .mapToLong(step -> step.readSkips() + step.processSkips() + step.writeSkips())
                .sum();
    }
}
