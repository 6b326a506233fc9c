package io.tideflow.admin.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a body that declares itself larger than any request Tideflow takes before a byte of it is read, with a 413
 * problem. The bound ({@link #MAX_BODY_BYTES}) stays below the servers' own (WildFly's default
 * {@code max-post-size} is 10 MiB), so that Tideflow, not the server, answers such a request.
 */
@Provider
public class RequestSizeFilter implements ContainerRequestFilter {

    /** The largest body of any request: a bulk enqueue's. */
    public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

    /**
     * How much of a body is read at most, the refused part dropped, so that the client can read the refusal: below
     * WildFly's own limit (10 MiB), past which the server cuts the connection instead.
     */
    static final long DRAIN_MAX_BYTES = MAX_BODY_BYTES + 3L * 512 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            if (request.getLength() <= DRAIN_MAX_BYTES) {
                drain(request.getEntityStream(), 0);
            }
            throw tooLarge();
        }
    }

    /**
     * Reads and drops what is left of a refused body, until {@link #DRAIN_MAX_BYTES} have been read in all: a client
     * that sends its whole body before it reads the answer (most do) then gets the 413 instead of a connection closed
     * under it. Nothing is kept; a longer body is left for the server to cut, and a failed read ends the draining.
     */
    static void drain(InputStream body, long readSoFar) {
        long left = DRAIN_MAX_BYTES - readSoFar;
        byte[] scrap = new byte[64 * 1024];
        try {
            while (left > 0) {
                int read = body.read(scrap, 0, (int) Math.min(scrap.length, left));
                if (read < 0) {
                    return;
                }
                left -= read;
            }
        } catch (IOException e) {
            // the client went away, or the server's own limit was reached: the refusal goes out all the same
        }
    }

    static WebApplicationException tooLarge() {
        return new WebApplicationException(new Problem(
                        413,
                        "Content Too Large",
                        "the body is larger than " + MAX_BODY_BYTES + " bytes; split the batch",
                        "body")
                .toResponse());
    }
}
