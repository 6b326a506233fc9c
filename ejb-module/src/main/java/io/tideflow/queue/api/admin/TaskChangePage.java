package io.tideflow.queue.api.admin;

import java.util.List;

/**
 * One page of a listing by last change, most recently changed first.
 *
 * @param next where the next page starts, or {@code null} on the last page
 */
public record TaskChangePage(List<TaskView> items, TaskChangeCursor next) {

    public TaskChangePage {
        items = List.copyOf(items);
    }
}
