package io.tideflow.admin.web.batches;

import io.tideflow.admin.web.session.OperatorActions;
import io.tideflow.batch.executions.BatchExecutionNotFoundException;
import io.tideflow.batch.executions.BatchExecutionView;
import io.tideflow.batch.executions.BatchExecutions;
import io.tideflow.queue.api.admin.BatchTaskView;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The newest batch executions, and one of them ({@code ?id=}) with its steps' counts, the tasks it claimed, and the
 * stop or restart its status allows.
 */
@Named
@ViewScoped
public class BatchesView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int NEWEST = 50;
    static final int TASKS_SHOWN = 200;
    private static final Set<String> STOPPABLE = Set.of("STARTING", "STARTED");
    private static final Set<String> RESTARTABLE = Set.of("FAILED", "STOPPED");

    @Inject
    BatchExecutions executions;

    @Inject
    OperatorActions actions;

    private String id;
    // read again by the view action of every request: the runtime's views are not serializable
    private transient List<BatchExecutionView> newest = List.of();
    private transient BatchExecutionView selected;
    private transient List<BatchTaskView> tasks = List.of();

    /** The page's view action: an id that names no execution gets a 404 and a message, not an error page. */
    public void load() {
        newest = executions.newest(null, NEWEST);
        if (id == null || id.isBlank()) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        long execution;
        try {
            execution = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            notFound(faces, "id: '" + id + "' is not a batch execution id.");
            return;
        }
        try {
            selected = executions.find(execution);
            tasks = executions.tasksOf(execution, TASKS_SHOWN);
        } catch (BatchExecutionNotFoundException e) {
            notFound(faces, e.getMessage());
        }
    }

    private static void notFound(FacesContext faces, String message) {
        faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public String stop() {
        long execution = Long.parseLong(id.trim());
        return actions.run("stop", () -> {
            executions.stop(execution);
            return "Execution " + execution + " stops at its next chunk boundary.";
        });
    }

    public String restart() {
        long execution = Long.parseLong(id.trim());
        return actions.run(
                "restart",
                () -> "Restarted as execution "
                        + executions.restart(execution).record().executionId() + ".");
    }

    public boolean isStoppable() {
        return selected != null && STOPPABLE.contains(selected.status());
    }

    public boolean isRestartable() {
        return selected != null && RESTARTABLE.contains(selected.status());
    }

    public List<BatchExecutionView> getNewest() {
        return newest;
    }

    public BatchExecutionView getSelected() {
        return selected;
    }

    public List<BatchTaskView> getTasks() {
        return tasks;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
