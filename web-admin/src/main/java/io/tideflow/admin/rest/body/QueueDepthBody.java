package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.QueueDepth;
import java.util.List;
import java.util.Map;

/** Every group's tasks by state, and how long its oldest due task has waited. */
public record QueueDepthBody(List<Group> groups) {

    public record Group(String group, long total, Map<TaskState, Long> states, double oldestDueAgeSeconds) {}

    public static QueueDepthBody of(List<QueueDepth> depths) {
        return new QueueDepthBody(depths.stream()
                .map(d -> new Group(d.group(), d.total(), d.depth(), Seconds.of(d.oldestDueAge())))
                .toList());
    }
}
