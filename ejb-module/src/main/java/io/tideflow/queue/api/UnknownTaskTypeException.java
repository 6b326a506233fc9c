package io.tideflow.queue.api;

/** No handler is deployed for the requested task type. */
public class UnknownTaskTypeException extends InvalidTaskRequestException {
    private static final long serialVersionUID = 1L;

    public UnknownTaskTypeException(String type) {
        super("type", "no handler is deployed for task type '" + type + "'");
    }
}
