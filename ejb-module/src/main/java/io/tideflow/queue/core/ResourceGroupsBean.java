package io.tideflow.queue.core;

import io.tideflow.queue.api.GroupLimitsRequest;
import io.tideflow.queue.api.GroupView;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.ResourceGroups;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.store.GroupLimits;
import io.tideflow.queue.store.GroupRow;
import io.tideflow.queue.store.GroupStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
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
    Config config;

    @Inject
    Clock clock;

    @Override
    public List<GroupView> list() {
        Map<String, Map<TaskState, Long>> depth = groups.depthByGroup();
        Map<String, GroupRow> rows = new java.util.HashMap<>();
        groups.all().forEach(row -> rows.put(row.name(), row));
        TreeSet<String> names = new TreeSet<>(depth.keySet());
        names.addAll(rows.keySet());
        List<GroupView> views = new ArrayList<>();
        for (String name : names) {
            views.add(view(name, rows.get(name), depth.getOrDefault(name, Map.of())));
        }
        return views;
    }

    @Override
    public GroupView setLimits(String group, GroupLimitsRequest request) {
        requireName(group);
        GroupLimits limits = validated(request);
        groups.setLimits(group, limits, true, clock.instant());
        return refreshed(group);
    }

    @Override
    public GroupView resetLimits(String group) {
        requireName(group);
        groups.releaseLimitsToConfiguration(group, clock.instant());
        groups.setLimits(group, GroupSettings.from(config).getOrDefault(group, GroupLimits.NONE), false,
                clock.instant());
        return refreshed(group);
    }

    @Override
    public GroupView pause(String group) {
        requireName(group);
        groups.setPaused(group, true, clock.instant());
        return refreshed(group);
    }

    @Override
    public GroupView resume(String group) {
        requireName(group);
        groups.setPaused(group, false, clock.instant());
        return refreshed(group);
    }

    private GroupView refreshed(String group) {
        directory.replace(groups.all());
        return view(group, groups.find(group).orElse(null), groups.depthByGroup().getOrDefault(group, Map.of()));
    }

    private static GroupView view(String name, GroupRow row, Map<TaskState, Long> depth) {
        Map<TaskState, Long> states = depth.isEmpty() ? Map.of() : new EnumMap<>(depth);
        if (row == null) {
            return new GroupView(name, states, false, null, null, null, null, false);
        }
        return new GroupView(name, states, row.paused(), row.maxConcurrent(), row.maxConcurrentCluster(),
                row.ratePermits(), row.ratePeriodMillis() == null ? null : Duration.ofMillis(row.ratePeriodMillis()),
                row.limitsFromApi());
    }

    private static void requireName(String group) {
        if (group == null || !TaskRequestValidator.GROUP_NAME.matcher(group).matches()) {
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
            throw new InvalidTaskRequestException(request.ratePermits() == null ? "ratePermits" : "ratePeriod",
                    "a rate needs both ratePermits and ratePeriod");
        }
        if (request.ratePeriod() != null && (request.ratePeriod().toMillis() < 1
                || request.ratePeriod().compareTo(Duration.ofDays(1)) > 0)) {
            throw new InvalidTaskRequestException("ratePeriod", "must be between 1 ms and 1 day");
        }
        return new GroupLimits(request.maxConcurrent(), request.maxConcurrentCluster(), request.ratePermits(),
                request.ratePeriod() == null ? null : request.ratePeriod().toMillis());
    }

    private static void requireRange(String field, Integer value) {
        if (value != null && (value < 1 || value > MAX_LIMIT)) {
            throw new InvalidTaskRequestException(field, "must be between 1 and " + MAX_LIMIT + ", got " + value);
        }
    }
}
