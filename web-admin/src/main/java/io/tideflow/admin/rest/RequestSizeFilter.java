package io.tideflow.admin.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a body that declares itself larger than any request Tideflow takes before a byte of it is read, with a 413
 * problem. The bound ({@link #MAX_BODY_BYTES}) stays below the servers' own (WildFly's default
 * {@code max-post-size} is 10 MiB), so that Tideflow, not the server, answers such a request.
 */
@Provider
public class RequestSizeFilter implements ContainerRequestFilter {

    /** The largest body of any request: a bulk enqueue's. */
    public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            throw tooLarge();
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
