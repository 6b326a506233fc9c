package io.tideflow.queue.api.recurring;

import io.tideflow.queue.api.TideflowException;
import jakarta.ejb.ApplicationException;

/** The change contradicts the schedule as it is: it exists already, or it is declared rather than made by the API. */
@ApplicationException(rollback = false, inherited = true)
public class ScheduleConflictException extends TideflowException {
    private static final long serialVersionUID = 1L;

    public ScheduleConflictException(String message) {
        super(message);
    }
}
