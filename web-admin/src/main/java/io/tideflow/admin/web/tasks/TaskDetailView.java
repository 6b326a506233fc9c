package io.tideflow.admin.web.tasks;

import io.tideflow.admin.rest.DeadlockRetry;
import io.tideflow.admin.web.session.OperatorActions;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.TaskEventView;
import io.tideflow.queue.api.admin.TaskQueries;
import io.tideflow.queue.api.admin.TaskView;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One task: what it carries and returned, its last error, its timeline, and the actions its state allows. */
@Named
@ViewScoped
public class TaskDetailView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<TaskState> CANCELLABLE =
            EnumSet.of(TaskState.WAITING, TaskState.PENDING, TaskState.RUNNING, TaskState.FAILED);

    @Inject
    TaskQueries queries;

    @Inject
    TaskQueue queue;

    @Inject
    OperatorActions actions;

    private String id;
    private TaskView task;
    private List<TaskEventView> history = List.of();

    /** The page's view action: an id that names no task gets a 404 and a message, not an error page. */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        TaskId taskId;
        try {
            taskId = TaskId.of(id == null ? "" : id.trim());
        } catch (InvalidTaskRequestException malformed) {
            notFound(faces, "id: '" + id + "' is not a task id.");
            return;
        }
        task = queries.find(taskId).orElse(null);
        if (task == null) {
            notFound(faces, "No task has the id " + taskId.value() + ".");
            return;
        }
        history = queries.history(taskId);
    }

    private static void notFound(FacesContext faces, String message) {
        faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public String cancel() {
        TaskId taskId = TaskId.of(id);
        return actions.run("cancel", () -> {
            TaskView after = DeadlockRetry.call(() -> queue.cancel(taskId));
            return after.cancelRequested() && after.state() == TaskState.RUNNING
                    ? "Cancel requested: the task stops at its next check."
                    : "Task " + taskId.value() + " is " + after.state() + ".";
        });
    }

    public String requeue() {
        TaskId taskId = TaskId.of(id);
        return actions.run("requeue", () -> {
            TaskId copy = DeadlockRetry.call(() -> queue.requeue(taskId));
            return "Requeued as task " + copy.value() + ".";
        });
    }

    public boolean isCancellable() {
        return task != null && CANCELLABLE.contains(task.state());
    }

    public boolean isRequeueable() {
        return task != null && task.state() == TaskState.DEAD_LETTER;
    }

    public TaskView getTask() {
        return task;
    }

    public List<TaskEventView> getHistory() {
        return history;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
