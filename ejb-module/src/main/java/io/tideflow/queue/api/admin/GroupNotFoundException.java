package io.tideflow.queue.api.admin;

import io.tideflow.queue.api.TideflowException;
import jakarta.ejb.ApplicationException;

/** No group of that name has waiting or running tasks, a row of its own or a breaker. */
@ApplicationException(rollback = false, inherited = true)
public class GroupNotFoundException extends TideflowException {
    private static final long serialVersionUID = 1L;

    public GroupNotFoundException(String group) {
        super("no group '" + group + "' has waiting or running tasks, limits, a pause or a breaker");
    }
}
