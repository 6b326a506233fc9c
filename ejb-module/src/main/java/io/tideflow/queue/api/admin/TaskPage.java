package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TaskId;
import java.util.List;

/**
 * One page of a listing.
 *
 * @param next the cursor for the next page ({@link TaskFilter#after()}), or {@code null} on the last page
 */
public record TaskPage(List<TaskView> items, TaskId next) {

    public TaskPage {
        items = List.copyOf(items);
    }
}
