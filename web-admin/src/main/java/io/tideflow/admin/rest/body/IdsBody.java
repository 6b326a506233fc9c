package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.TaskId;
import java.util.List;

/** The ids of a batch's tasks, in the order they were submitted. */
public record IdsBody(List<String> ids) {

    public static IdsBody of(List<TaskId> ids) {
        return new IdsBody(ids.stream().map(TaskId::value).toList());
    }
}
