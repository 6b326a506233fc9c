package io.tideflow.admin.web.tasks;

import io.tideflow.admin.web.session.OperatorActions;
import io.tideflow.queue.api.TideflowException;
import io.tideflow.queue.api.admin.BulkAction;
import io.tideflow.queue.api.admin.BulkOutcome;
import io.tideflow.queue.api.admin.BulkTaskActions;
import io.tideflow.queue.api.admin.TaskFilter;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * A bulk action on the task list's filter, in two steps: the operator asks, the page says how many tasks it would
 * change, and only the confirmation acts. The filter is the one the page shows, taken when the operator asks.
 */
@Named
@ViewScoped
public class BulkActionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BulkTaskActions bulk;

    @Inject
    OperatorActions actions;

    @Inject
    TaskListView list;

    private BulkAction asked;
    private TaskFilter filter;
    private long count;

    /** Step one: counts what the action would change, and shows the confirmation. */
    public void ask(String action) {
        try {
            filter = list.filter();
            asked = BulkAction.valueOf(action);
            count = bulk.count(asked, filter);
        } catch (IllegalArgumentException | TideflowException refused) {
            asked = null;
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
        }
    }

    /** Step two: acts on the tasks the filter selects now (the count was a preview; the states decide). */
    public String confirm() {
        BulkAction action = asked;
        TaskFilter selected = filter;
        asked = null;
        if (action == null) {
            return null;
        }
        return actions.run("bulk " + action.name().toLowerCase(java.util.Locale.ROOT), () -> {
            BulkOutcome outcome = bulk.apply(action, selected);
            return (action == BulkAction.CANCEL ? "Cancelled " : "Requeued ")
                    + outcome.changed() + " tasks"
                    + (outcome.skipped() > 0 ? "; " + outcome.skipped() + " had moved on meanwhile" : "")
                    + (outcome.truncated() ? "; stopped at " + BulkTaskActions.MAX_TASKS + ", run it again" : "")
                    + ".";
        });
    }

    public void dismiss() {
        asked = null;
    }

    public boolean isAsking() {
        return asked != null;
    }

    public String getQuestion() {
        if (asked == null) {
            return "";
        }
        return asked == BulkAction.CANCEL
                ? "Cancel " + count + " tasks that match this filter (waiting ones at once, running ones at their next"
                        + " check)?"
                : "Requeue " + count
                        + " dead letters that match this filter (one requeued before gets no second copy)?";
    }

    public long getCount() {
        return count;
    }
}
