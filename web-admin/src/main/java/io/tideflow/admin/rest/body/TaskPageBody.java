package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.admin.TaskChangePage;
import io.tideflow.queue.api.admin.TaskPage;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * One page of tasks, newest first or most recently changed first; {@code next} is the {@code after} of the next page,
 * null on the last.
 */
public record TaskPageBody(
        List<TaskBody> items, @JsonbNillable String next) {

    public static TaskPageBody of(TaskPage page) {
        return new TaskPageBody(
                page.items().stream().map(TaskBody::of).toList(),
                page.next() == null ? null : page.next().value());
    }

    public static TaskPageBody of(TaskChangePage page) {
        return new TaskPageBody(
                page.items().stream().map(TaskBody::of).toList(),
                page.next() == null ? null : page.next().text());
    }
}
