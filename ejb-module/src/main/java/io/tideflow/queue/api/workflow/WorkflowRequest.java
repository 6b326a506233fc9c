package io.tideflow.queue.api.workflow;

import java.util.List;

/**
 * Steps submitted together, in one transaction: a step without predecessors is PENDING at once, the others WAITING.
 *
 * @param name  what the workflow is, for people (1 to 200 characters)
 * @param steps 1 to {@value Workflows#MAX_STEPS} steps, without a cycle
 */
public record WorkflowRequest(String name, List<WorkflowStep> steps) {

    public WorkflowRequest {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
