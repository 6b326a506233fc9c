package io.tideflow.queue.core;

import io.tideflow.queue.store.GroupRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** This node's copy of the restricted groups, refreshed by the dispatcher's poll and after an operator's change. */
@ApplicationScoped
public class GroupDirectory {

    private volatile List<GroupRow> restricted = List.of();

    public List<GroupRow> restricted() {
        return restricted;
    }

    void replace(List<GroupRow> rows) {
        restricted = rows.stream().filter(GroupRow::restricted).toList();
    }
}
