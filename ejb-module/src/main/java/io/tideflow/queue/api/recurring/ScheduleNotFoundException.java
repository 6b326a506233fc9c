package io.tideflow.queue.api.recurring;

import io.tideflow.queue.api.TideflowException;

/** No recurring schedule has the name asked for. */
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
