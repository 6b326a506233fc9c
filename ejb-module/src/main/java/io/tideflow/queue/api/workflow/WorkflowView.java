package io.tideflow.queue.api.workflow;

import io.tideflow.queue.api.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A workflow with the state of each step.
 *
 * @param counts    how many steps are in each state (states without a step are left out)
 * @param createdBy who submitted it; {@code null} for the application itself
 */
public record WorkflowView(
        String id,
        String name,
        Instant createdAt,
        String createdBy,
        Map<TaskState, Integer> counts,
        List<StepView> steps) {

    public WorkflowView {
        counts = Map.copyOf(counts);
        steps = List.copyOf(steps);
    }

    /** Whether every step has ended (COMPLETED, CANCELLED, DEAD_LETTER or ARCHIVED). */
    public boolean isFinished() {
        return steps.stream()
                .allMatch(step -> step.state() == TaskState.COMPLETED
                        || step.state() == TaskState.CANCELLED
                        || step.state().isTerminal());
    }
}
