package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.BreakerView;
import io.tideflow.queue.api.admin.GroupView;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Resource groups with their depth, limits (null: none), where the limits come from, and their breaker (absent when
 * the group has none: Yasson ignores {@code @JsonbNillable} on a property whose type is a record).
 */
public record GroupsBody(List<Group> groups) {

    public record Group(
            String name,
            Map<TaskState, Long> depth,
            long running,
            boolean paused,
            Limits limits,
            String limitsFrom,
            Breaker breaker) {}

    public record Limits(
            @JsonbNillable Integer maxConcurrent,
            @JsonbNillable Integer maxConcurrentCluster,
            @JsonbNillable Integer ratePermits,
            @JsonbNillable Duration ratePeriod) {}

    public record Breaker(
            BreakerState state,
            int failureCount,
            int calls,
            @JsonbNillable Instant lastFailure,
            @JsonbNillable Instant nextAttempt) {}

    public static GroupsBody of(List<GroupView> groups) {
        return new GroupsBody(groups.stream().map(GroupsBody::group).toList());
    }

    public static Group group(GroupView group) {
        BreakerView breaker = group.breaker();
        return new Group(
                group.name(),
                group.depth(),
                group.depth().getOrDefault(TaskState.RUNNING, 0L),
                group.paused(),
                new Limits(
                        group.maxConcurrent(), group.maxConcurrentCluster(), group.ratePermits(), group.ratePeriod()),
                group.limitsFromApi() ? "api" : "configuration",
                breaker == null
                        ? null
                        : new Breaker(
                                breaker.state(),
                                breaker.failureCount(),
                                breaker.calls(),
                                breaker.lastFailure(),
                                breaker.nextAttempt()));
    }
}
