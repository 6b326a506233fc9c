package io.tideflow.admin.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document, written by JSON-B; {@code field} names the part of the request at fault, when there
 * is one.
 */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public Problem(int status, String title, String detail, String field) {
        this("about:blank", title, status, detail, field);
    }

    /** The document as text, for writers outside JAX-RS (the servlet container's error page). */
    public String toJson() {
        return SharedJsonb.JSONB.toJson(this);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
