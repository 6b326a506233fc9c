package io.tideflow.queue.api.recurring;

import io.tideflow.queue.api.TideflowException;

/** The change contradicts the schedule as it is: it exists already, or it is declared rather than made by the API. */
public class ScheduleConflictException extends TideflowException {
    private static final long serialVersionUID = 1L;

    public ScheduleConflictException(String message) {
        super(message);
    }
}
