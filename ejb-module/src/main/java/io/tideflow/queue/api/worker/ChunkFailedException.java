package io.tideflow.queue.api.worker;

import io.tideflow.queue.api.TideflowException;
import jakarta.ejb.ApplicationException;

/**
 * A chunk of a batchable type did not complete: its handler threw (the cause), returned the wrong number of results,
 * or a task's lease was no longer the caller's. The chunk's transaction is rolled back: none of its work and
 * completions commit.
 */
@ApplicationException(rollback = true)
public class ChunkFailedException extends TideflowException {

    private static final long serialVersionUID = 1L;

    public ChunkFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What the handler threw, or this exception when the chunk failed for another reason. */
    public Throwable failure() {
        return getCause() == null ? this : getCause();
    }
}
