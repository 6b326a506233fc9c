package io.tideflow.admin.web.groups;

import io.tideflow.admin.rest.DeadlockRetry;
import io.tideflow.admin.web.dashboard.DashboardSnapshots;
import io.tideflow.admin.web.session.OperatorActions;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.GroupActionView;
import io.tideflow.queue.api.admin.GroupLimitsRequest;
import io.tideflow.queue.api.admin.GroupView;
import io.tideflow.queue.api.admin.ResourceGroups;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every group with its limits, pause and breaker, and the operator's actions on them. Each action names its group
 * (not a row index), so a list that changed since the page was drawn still acts on the group the operator chose. The
 * limits, pauses and breakers are read on every request; the counts of waiting and running tasks come from the
 * dashboard's figures, read in the background (at most 2 s old).
 */
@Named
@RequestScoped
public class GroupsView {

    @Inject
    ResourceGroups groups;

    @Inject
    OperatorActions actions;

    @Inject
    DashboardSnapshots figures;

    static final int RECENT_ACTIONS = 50;

    private List<GroupView> list;
    private String limitsGroup;
    private Integer maxConcurrent;
    private Integer maxConcurrentCluster;
    private Integer ratePermits;
    private String ratePeriod;
    private List<GroupActionView> actionLog;

    public List<GroupView> getGroups() {
        if (list == null) {
            list = withDepth(groups.listWithoutDepth(), figures.depthByGroup());
        }
        return list;
    }

    /** The groups with their counts, and a row for each group that has tasks but no row of its own yet. */
    static List<GroupView> withDepth(List<GroupView> rows, Map<String, Map<TaskState, Long>> depth) {
        Map<String, GroupView> byName = new TreeMap<>();
        depth.forEach((name, counts) ->
                byName.put(name, new GroupView(name, counts, false, null, null, null, null, false, null)));
        for (GroupView row : rows) {
            byName.put(
                    row.name(),
                    new GroupView(
                            row.name(),
                            depth.getOrDefault(row.name(), Map.of()),
                            row.paused(),
                            row.maxConcurrent(),
                            row.maxConcurrentCluster(),
                            row.ratePermits(),
                            row.ratePeriod(),
                            row.limitsFromApi(),
                            row.breaker()));
        }
        return new ArrayList<>(byName.values());
    }

    /** The newest operator actions on groups, with who made them. */
    public List<GroupActionView> getActions() {
        if (actionLog == null) {
            actionLog = groups.actions(null, RECENT_ACTIONS);
        }
        return actionLog;
    }

    /** Sets the limits the form holds on its group; they stay until reset to configuration. */
    public String setLimits() {
        String group = limitsGroup;
        return actions.run("set limits of " + group, () -> {
            GroupLimitsRequest limits =
                    new GroupLimitsRequest(maxConcurrent, maxConcurrentCluster, ratePermits, ratePeriodOf(ratePeriod));
            DeadlockRetry.call(() -> groups.setLimits(group, limits));
            return "The limits of " + group + " are set; they stay until reset to the configuration's.";
        });
    }

    private static Duration ratePeriodOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidTaskRequestException(
                    "ratePeriod", "'" + text + "' is not an ISO-8601 duration such as PT1S or PT1M");
        }
    }

    public String pause(String group) {
        return act("pause", group, groups::pause, "Group %s is paused: no task of it starts until it is resumed.");
    }

    public String resume(String group) {
        return act("resume", group, groups::resume, "Group %s is resumed.");
    }

    public String openBreaker(String group) {
        return act("open breaker", group, groups::openBreaker, "The breaker of %s is held open.");
    }

    public String closeBreaker(String group) {
        return act("close breaker", group, groups::closeBreaker, "The breaker of %s is closed.");
    }

    public String resetBreaker(String group) {
        return act("reset breaker", group, groups::resetBreaker, "The breaker of %s is closed and its counts reset.");
    }

    public String resetLimits(String group) {
        return act("reset limits", group, groups::resetLimits, "The limits of %s are the configuration's again.");
    }

    private String act(String what, String group, Function<String, GroupView> action, String done) {
        return actions.run(what + " of " + group, () -> {
            DeadlockRetry.call(() -> action.apply(group));
            return String.format(done, group);
        });
    }

    public String getLimitsGroup() {
        return limitsGroup;
    }

    public void setLimitsGroup(String limitsGroup) {
        this.limitsGroup = limitsGroup;
    }

    public Integer getMaxConcurrent() {
        return maxConcurrent;
    }

    public void setMaxConcurrent(Integer maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    public Integer getMaxConcurrentCluster() {
        return maxConcurrentCluster;
    }

    public void setMaxConcurrentCluster(Integer maxConcurrentCluster) {
        this.maxConcurrentCluster = maxConcurrentCluster;
    }

    public Integer getRatePermits() {
        return ratePermits;
    }

    public void setRatePermits(Integer ratePermits) {
        this.ratePermits = ratePermits;
    }

    public String getRatePeriod() {
        return ratePeriod;
    }

    public void setRatePeriod(String ratePeriod) {
        this.ratePeriod = ratePeriod;
    }
}
