package io.tideflow.admin.rest;

import io.tideflow.queue.api.TideflowException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's beans are EJBs: an unchecked exception reaches the resource wrapped in an {@link EJBException}.
 * Unwraps it so the client gets the same problem it would get from the engine's exception itself.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    private static final Logger LOG = Logger.getLogger(EjbExceptionMapper.class.getName());
    private final TideflowExceptionMapper tideflow = new TideflowExceptionMapper();

    @Override
    public Response toResponse(EJBException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TideflowException known) {
                return tideflow.toResponse(known);
            }
        }
        if (DeadlockRetry.isVictim(exception)) {
            LOG.log(Level.WARNING, "a request was a deadlock victim " + DeadlockRetry.ATTEMPTS + " times in a row");
            return Response.fromResponse(new Problem(
                                    503,
                                    "Database busy",
                                    "the database ended this request's transaction to break a deadlock "
                                            + DeadlockRetry.ATTEMPTS
                                            + " times; nothing was written, try again",
                                    null)
                            .toResponse())
                    .header("Retry-After", "1")
                    .build();
        }
        LOG.log(Level.SEVERE, "request failed inside the engine", exception);
        return new Problem(500, "Internal error", "the engine failed; see the server log", null).toResponse();
    }
}
