package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.workflow.WorkflowView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A workflow with each step's state; {@code counts} has the states that hold a step. */
public record WorkflowBody(
        String id,
        String name,
        Instant createdAt,
        String createdBy,
        boolean finished,
        Map<String, Integer> counts,
        List<Step> steps) {

    /** A step: its task, what it waits for, and why it failed or was cancelled when it was. */
    public record Step(
            String step,
            String taskId,
            String type,
            String group,
            String state,
            List<String> after,
            String lastError) {}

    public static WorkflowBody of(WorkflowView view) {
        Map<String, Integer> counts = new TreeMap<>();
        view.counts().forEach((state, count) -> counts.put(state.name(), count));
        return new WorkflowBody(
                view.id(),
                view.name(),
                view.createdAt(),
                view.createdBy(),
                view.isFinished(),
                counts,
                view.steps().stream()
                        .map(step -> new Step(
                                step.step(),
                                step.taskId().value(),
                                step.type(),
                                step.group(),
                                step.state().name(),
                                step.after(),
                                step.lastError()))
                        .toList());
    }
}
