package io.tideflow.admin.rest;

import io.tideflow.admin.submission.SubmissionJson;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.PayloadTooLargeException;
import io.tideflow.queue.api.TaskRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a REST submission body into a {@link TaskRequest}, or a batch body into a list of them ({@link SubmissionJson}).
 * The body is read up to a bound before it is parsed, so an oversized request costs no more memory than the bound.
 */
final class SubmissionParser {

    /** Room for the fields around the payload; the engine checks the payload's own size exactly. */
    private static final int ENVELOPE_BYTES = 16 * 1024;
    /** A batch body is read whole before it is parsed; this bounds the memory one request can take. */
    static final long BATCH_MAX_BYTES = RequestSizeFilter.MAX_BODY_BYTES;

    private final int payloadMaxBytes;

    SubmissionParser(int payloadMaxBytes) {
        this.payloadMaxBytes = payloadMaxBytes;
    }

    TaskRequest parse(InputStream body) {
        return SubmissionJson.request(
                SubmissionJson.readObject(readBounded(body, (long) payloadMaxBytes + ENVELOPE_BYTES)), "");
    }

    /** Reads {@code {"tasks": [submission, ...]}}; a refusal names the submission, as in {@code tasks[3].type}. */
    List<TaskRequest> parseBatch(InputStream body) {
        return SubmissionJson.batch(SubmissionJson.readObject(readBounded(body, BATCH_MAX_BYTES)));
    }

    private byte[] readBounded(InputStream body, long bound) {
        try {
            byte[] bytes =
                    body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bound + 1));
            if (bytes.length > bound) {
                RequestSizeFilter.drain(body, bytes.length);
                if (bound == BATCH_MAX_BYTES) {
                    throw RequestSizeFilter.tooLarge();
                }
                throw new PayloadTooLargeException(bytes.length, payloadMaxBytes);
            }
            return bytes;
        } catch (IOException e) {
            // the server stopped reading: a body over its own limit sent without a length, or a client gone
            if (e.getClass().getSimpleName().equals("RequestTooBigException")) {
                throw RequestSizeFilter.tooLarge();
            }
            throw new InvalidTaskRequestException("body", "could not be read: the client stopped sending it");
        }
    }
}
