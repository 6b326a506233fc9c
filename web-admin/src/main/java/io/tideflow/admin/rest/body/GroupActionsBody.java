package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.admin.GroupActionView;
import java.time.Instant;
import java.util.List;

/** Operators' changes to groups, newest first; {@code detail} is absent when the action says it all. */
public record GroupActionsBody(List<Action> actions) {

    public record Action(String group, String action, String actor, Instant at, String detail) {}

    public static GroupActionsBody of(List<GroupActionView> actions) {
        return new GroupActionsBody(actions.stream()
                .map(a -> new Action(a.group(), a.action(), a.actor(), a.at(), a.detail()))
                .toList());
    }
}
