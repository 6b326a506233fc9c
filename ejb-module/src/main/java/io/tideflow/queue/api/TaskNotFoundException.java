package io.tideflow.queue.api;

/** No task has the given id. */
public class TaskNotFoundException extends TideflowException {
    private static final long serialVersionUID = 1L;
    private final TaskId id;

    public TaskNotFoundException(TaskId id) {
        super("task " + id + " does not exist");
        this.id = id;
    }

    public TaskId id() {
        return id;
    }
}
