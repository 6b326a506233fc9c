package io.tideflow.queue.groups;

import io.tideflow.queue.api.BreakerState;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.BreakerView;
import io.tideflow.queue.api.admin.GroupActionView;
import io.tideflow.queue.api.admin.GroupLimitsRequest;
import io.tideflow.queue.api.admin.GroupNotFoundException;
import io.tideflow.queue.api.admin.GroupView;
import io.tideflow.queue.api.admin.ResourceGroups;
import io.tideflow.queue.api.event.GroupPaused;
import io.tideflow.queue.api.event.GroupResumed;
import io.tideflow.queue.audit.CallerNames;
import io.tideflow.queue.config.ConfiguredGroup;
import io.tideflow.queue.config.ConfiguredGroups;
import io.tideflow.queue.config.NameRules;
import io.tideflow.queue.events.LifecycleEvents;
import io.tideflow.queue.groups.breaker.BreakerTransactions;
import io.tideflow.queue.model.Breaker;
import io.tideflow.queue.model.GroupLimits;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupActionLog;
import io.tideflow.queue.store.groups.GroupRow;
import io.tideflow.queue.store.groups.GroupStore;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@link ResourceGroups} over the shared {@code resource_groups} table. */
@Stateless
public class ResourceGroupsBean implements ResourceGroups {

    private static final int MAX_LIMIT = 100_000;

    @Inject
    GroupStore groups;

    @Inject
    GroupDirectory directory;

    @Inject
    BreakerStore breakers;

    @Inject
    BreakerTransactions breakerTransactions;

    @Inject
    ConfiguredGroups configuredGroups;

    @Inject
    Clock clock;

    @Inject
    LifecycleEvents lifecycle;

    @Inject
    GroupActionLog actionLog;

    @Resource
    SessionContext context;

    @Override
    public List<GroupView> list() {
        return listWith(groups.liveDepthByGroup());
    }

    @Override
    public List<GroupView> listWithoutDepth() {
        return listWith(Map.of());
    }

    @Override
    public GroupView find(String group) {
        requireName(group);
        GroupRow row = groups.find(group).orElse(null);
        Map<TaskState, Long> depth = groups.liveDepthOf(group);
        Breaker breaker = breakers.find(group).orElse(null);
        if (row == null && breaker == null && depth.isEmpty()) {
            throw new GroupNotFoundException(group);
        }
        return view(group, row, depth, breaker);
    }

    private List<GroupView> listWith(Map<String, Map<TaskState, Long>> depth) {
        Map<String, GroupRow> rows = new HashMap<>();
        groups.all().forEach(row -> rows.put(row.name(), row));
        Map<String, Breaker> byGroup = new HashMap<>();
        breakers.all().forEach(breaker -> byGroup.put(breaker.group(), breaker));
        TreeSet<String> names = new TreeSet<>(depth.keySet());
        names.addAll(rows.keySet());
        List<GroupView> views = new ArrayList<>();
        for (String name : names) {
            views.add(view(name, rows.get(name), depth.getOrDefault(name, Map.of()), byGroup.get(name)));
        }
        return views;
    }

    @Override
    public GroupView openBreaker(String group) {
        return recorded(
                group, "open-breaker", null, changeBreaker(group, breaker -> breaker.forcedOpen(clock.millis())));
    }

    @Override
    public GroupView closeBreaker(String group) {
        return recorded(
                group, "close-breaker", null, changeBreaker(group, breaker -> breaker.forcedClosed(clock.millis())));
    }

    @Override
    public GroupView resetBreaker(String group) {
        return recorded(group, "reset-breaker", null, changeBreaker(group, breaker -> breaker.reset(clock.millis())));
    }

    private GroupView changeBreaker(String group, java.util.function.UnaryOperator<Breaker> change) {
        requireName(group);
        if (breakerTransactions.change(group, change).isEmpty()) {
            throw new InvalidTaskRequestException(
                    "group",
                    "'" + group + "' has no circuit breaker; give it one with" + " tideflow.group.\"" + group
                            + "\".breaker.* keys");
        }
        return refreshed(group);
    }

    @Override
    public GroupView setLimits(String group, GroupLimitsRequest request) {
        requireName(group);
        GroupLimits limits = validated(request);
        groups.setLimits(group, limits, true, clock.instant());
        return recorded(group, "set-limits", limits.describe(), refreshed(group));
    }

    @Override
    public GroupView resetLimits(String group) {
        requireName(group);
        groups.releaseLimitsToConfiguration(group, clock.instant());
        ConfiguredGroup configured = configuredGroups.get(group);
        groups.setLimits(group, configured == null ? GroupLimits.NONE : configured.limits(), false, clock.instant());
        return recorded(group, "reset-limits", null, refreshed(group));
    }

    @Override
    public GroupView pause(String group) {
        requireName(group);
        Instant now = clock.instant();
        if (groups.setPaused(group, true, now)) {
            lifecycle.publish(new GroupPaused(group, now));
        }
        return recorded(group, "pause", null, refreshed(group));
    }

    @Override
    public GroupView resume(String group) {
        requireName(group);
        Instant now = clock.instant();
        if (groups.setPaused(group, false, now)) {
            lifecycle.publish(new GroupResumed(group, now));
        }
        return recorded(group, "resume", null, refreshed(group));
    }

    @Override
    public List<GroupActionView> actions(String group, int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidTaskRequestException("limit", "must be between 1 and 500, got " + limit);
        }
        return actionLog.newest(group, limit);
    }

    /** Writes who made the change in the change's transaction, so the record and the change commit together. */
    private GroupView recorded(String group, String action, String detail, GroupView changed) {
        String actor = CallerNames.of(context);
        actionLog.record(new GroupActionView(
                group, action, actor == null ? CallerNames.APPLICATION : actor, clock.instant(), detail));
        return changed;
    }

    /**
     * The group as this transaction left it. Reads its row only: reading every group's row here would wait on the
     * rows that concurrent changes of other groups hold, while they wait on this one's (a deadlock on Derby).
     */
    private GroupView refreshed(String group) {
        GroupRow row = groups.find(group).orElse(null);
        if (row != null) {
            directory.update(row);
        }
        return view(group, row, groups.liveDepthOf(group), breakers.find(group).orElse(null));
    }

    private static GroupView view(String name, GroupRow row, Map<TaskState, Long> depth, Breaker breaker) {
        Map<TaskState, Long> states = depth.isEmpty() ? Map.of() : new EnumMap<>(depth);
        BreakerView breakerView = breaker == null
                ? null
                : new BreakerView(
                        breaker.state(),
                        breaker.failureCount(),
                        breaker.calls(),
                        breaker.lastFailureAt() == 0 ? null : Instant.ofEpochMilli(breaker.lastFailureAt()),
                        breaker.state() != BreakerState.OPEN || breaker.nextAttemptAt() == Long.MAX_VALUE
                                ? null
                                : Instant.ofEpochMilli(breaker.nextAttemptAt()));
        if (row == null) {
            return new GroupView(name, states, false, null, null, null, null, false, breakerView);
        }
        return new GroupView(
                name,
                states,
                row.paused(),
                row.maxConcurrent(),
                row.maxConcurrentCluster(),
                row.ratePermits(),
                row.ratePeriodMillis() == null ? null : Duration.ofMillis(row.ratePeriodMillis()),
                row.limitsFromApi(),
                breakerView);
    }

    private static void requireName(String group) {
        if (group == null || !NameRules.GROUP_NAME.matcher(group).matches()) {
            throw new InvalidTaskRequestException("group", "must be 1 to 100 letters, digits, '.', '-' or '_'");
        }
    }

    private static GroupLimits validated(GroupLimitsRequest request) {
        if (request == null) {
            throw new InvalidTaskRequestException("body", "is missing");
        }
        requireRange("maxConcurrent", request.maxConcurrent());
        requireRange("maxConcurrentCluster", request.maxConcurrentCluster());
        requireRange("ratePermits", request.ratePermits());
        if ((request.ratePermits() == null) != (request.ratePeriod() == null)) {
            throw new InvalidTaskRequestException(
                    request.ratePermits() == null ? "ratePermits" : "ratePeriod",
                    "a rate needs both ratePermits and ratePeriod");
        }
        // compared before toMillis(), which overflows for periods of millions of years
        if (request.ratePeriod() != null
                && (request.ratePeriod().compareTo(Duration.ofMillis(1)) < 0
                        || request.ratePeriod().compareTo(Duration.ofDays(1)) > 0)) {
            throw new InvalidTaskRequestException("ratePeriod", "must be between 1 ms and 1 day");
        }
        return new GroupLimits(
                request.maxConcurrent(),
                request.maxConcurrentCluster(),
                request.ratePermits(),
                request.ratePeriod() == null ? null : request.ratePeriod().toMillis());
    }

    private static void requireRange(String field, Integer value) {
        if (value != null && (value < 1 || value > MAX_LIMIT)) {
            throw new InvalidTaskRequestException(field, "must be between 1 and " + MAX_LIMIT + ", got " + value);
        }
    }
}
