package io.tideflow.queue.api;

import jakarta.ejb.ApplicationException;

/** A task cannot move from the state it is in to the state asked for. */
// a client error, thrown before anything is written: the caller gets this exception itself (not an EJBException),
// its transaction stays usable, and the server does not log it
@ApplicationException(rollback = false, inherited = true)
public class IllegalTransitionException extends TideflowException {
    private static final long serialVersionUID = 1L;
    private final TaskState from;
    private final TaskState to;

    public IllegalTransitionException(TaskId id, String type, TaskState from, TaskState to) {
        super("task " + id + " of type '" + type + "' cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public TaskState from() {
        return from;
    }

    public TaskState to() {
        return to;
    }
}
