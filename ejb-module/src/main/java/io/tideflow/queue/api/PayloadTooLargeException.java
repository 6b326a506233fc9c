package io.tideflow.queue.api;

/** The payload is larger than {@code tideflow.payload.max-bytes}. */
public class PayloadTooLargeException extends InvalidTaskRequestException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long sizeBytes, long limitBytes) {
        super("payload", "is " + sizeBytes + " bytes of UTF-8, more than the limit of " + limitBytes + " bytes");
    }
}
