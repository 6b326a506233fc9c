package io.tideflow.queue.api;

/** The root of every exception Tideflow throws on purpose. */
public class TideflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TideflowException(String message) {
        super(message);
    }

    public TideflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
