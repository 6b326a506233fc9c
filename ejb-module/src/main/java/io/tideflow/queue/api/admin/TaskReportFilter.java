package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskState;
import java.time.Instant;

/** Which tasks a report counts; a {@code null} component does not filter. Created in {@code [createdFrom, createdTo)}. */
public record TaskReportFilter(String group, String type, TaskState state, Instant createdFrom, Instant createdTo) {

    public TaskReportFilter {
        FilterValues.text("group", group, 100);
        FilterValues.text("type", type, 200);
        FilterValues.instant("createdFrom", createdFrom);
        FilterValues.instant("createdTo", createdTo);
    }
}
