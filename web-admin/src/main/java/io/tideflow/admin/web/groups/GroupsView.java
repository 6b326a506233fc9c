package io.tideflow.admin.web.groups;

import io.tideflow.admin.rest.DeadlockRetry;
import io.tideflow.admin.web.session.OperatorActions;
import io.tideflow.queue.api.admin.GroupActionView;
import io.tideflow.queue.api.admin.GroupView;
import io.tideflow.queue.api.admin.ResourceGroups;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.Function;

/**
 * Every group with its limits, pause and breaker, and the operator's actions on them. Each action names its group
 * (not a row index), so a list that changed since the page was drawn still acts on the group the operator chose.
 */
@Named
@RequestScoped
public class GroupsView {

    @Inject
    ResourceGroups groups;

    @Inject
    OperatorActions actions;

    static final int RECENT_ACTIONS = 50;

    private List<GroupView> list;
    private List<GroupActionView> actionLog;

    public List<GroupView> getGroups() {
        if (list == null) {
            list = groups.list();
        }
        return list;
    }

    /** The newest operator actions on groups, with who made them. */
    public List<GroupActionView> getActions() {
        if (actionLog == null) {
            actionLog = groups.actions(null, RECENT_ACTIONS);
        }
        return actionLog;
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
}
