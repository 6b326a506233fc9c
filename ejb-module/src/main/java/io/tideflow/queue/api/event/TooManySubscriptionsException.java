package io.tideflow.queue.api.event;

import io.tideflow.queue.api.TideflowException;
import jakarta.ejb.ApplicationException;

/** This node already feeds as many event subscriptions as it allows: try again later, or on another node. */
// a client's to handle, like any refusal: its transaction stays usable and the server does not log it
@ApplicationException(rollback = false, inherited = true)
public class TooManySubscriptionsException extends TideflowException {

    private static final long serialVersionUID = 1L;

    public TooManySubscriptionsException(int most) {
        super("this node already feeds " + most + " event subscriptions; try again later");
    }
}
