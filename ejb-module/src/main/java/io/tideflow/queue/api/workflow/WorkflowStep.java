package io.tideflow.queue.api.workflow;

import io.tideflow.queue.api.TaskRequest;
import java.util.List;

/**
 * One step of a workflow: a task, and what it waits for.
 *
 * @param step      the step's name in the workflow, 1 to 100 letters, digits, '.', '-', '_' or '/'
 * @param task      the task it enqueues (without an idempotency key: the workflow is the unit that is submitted)
 * @param after     what it waits for: names of other steps, {@code prefix*} for every step whose name starts so (a
 *                  fan-in), or ids of tasks submitted before; empty for a step that runs at once
 * @param onFailure {@code null} for {@link OnPredecessorFailure#CANCEL}
 */
public record WorkflowStep(String step, TaskRequest task, List<String> after, OnPredecessorFailure onFailure) {

    public WorkflowStep {
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** A step that runs at once. */
    public static WorkflowStep of(String step, TaskRequest task) {
        return new WorkflowStep(step, task, List.of(), null);
    }

    /** A step that runs once the named steps (or tasks) have completed. */
    public static WorkflowStep after(String step, TaskRequest task, String... predecessors) {
        return new WorkflowStep(step, task, List.of(predecessors), null);
    }
}
