package io.tideflow.queue.api;

import jakarta.ejb.ApplicationException;

/** No task has the given id. */
// a client error, thrown before anything is written: the caller gets this exception itself (not an EJBException),
// its transaction stays usable, and the server does not log it
@ApplicationException(rollback = false, inherited = true)
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
