package io.tideflow.queue.api.workflow;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;

/**
 * What a step's handler learns of a task it waited for.
 *
 * @param step       the predecessor's step name; {@code null} for a task outside the workflow
 * @param resultJson its result as JSON when it completed, else {@code null}
 */
public record PredecessorView(TaskId id, String step, String type, TaskState state, String resultJson) {}
