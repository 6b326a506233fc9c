package io.tideflow.queue.api.recurring;

import io.tideflow.queue.api.TideflowException;
import jakarta.ejb.ApplicationException;

/** No recurring schedule has the name asked for. */
@ApplicationException(rollback = false, inherited = true)
public class ScheduleNotFoundException extends TideflowException {
    private static final long serialVersionUID = 1L;

    private final String name;

    public ScheduleNotFoundException(String name) {
        super("no recurring schedule is named '" + name + "'");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
