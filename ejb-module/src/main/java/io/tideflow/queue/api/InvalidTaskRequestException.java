package io.tideflow.queue.api;

import jakarta.ejb.ApplicationException;

/** A request was refused; {@link #field()} names the part at fault and {@link #problem()} says what is wrong. */
// a client error, thrown before anything is written: the caller gets this exception itself (not an EJBException),
// its transaction stays usable, and the server does not log it
@ApplicationException(rollback = false, inherited = true)
public class InvalidTaskRequestException extends TideflowException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    public InvalidTaskRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
