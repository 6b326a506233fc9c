package io.tideflow.queue.api.workflow;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import java.util.List;

/**
 * A step of a workflow as it is now.
 *
 * @param after     the steps it waits for (and, by id, the tasks outside the workflow)
 * @param lastError why its task failed or was cancelled, if it was
 */
public record StepView(
        String step, TaskId taskId, String type, String group, TaskState state, List<String> after, String lastError) {

    public StepView {
        after = List.copyOf(after);
    }
}
