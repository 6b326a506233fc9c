package io.tideflow.queue.api;

/**
 * Thrown by a handler when retrying cannot help (bad input, a refused business rule): the task goes to DEAD_LETTER
 * at once, whatever attempts remain. Exception types of your own can say the same with {@link PermanentFailure}.
 */
public class PermanentTaskFailure extends TideflowException {
    private static final long serialVersionUID = 1L;

    public PermanentTaskFailure(String message) {
        super(message);
    }

    public PermanentTaskFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
