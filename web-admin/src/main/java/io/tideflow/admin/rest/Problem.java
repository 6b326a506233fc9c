package io.tideflow.admin.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem document; {@code field} names the part of the request at fault, when there is one. */
public record Problem(int status, String title, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (field != null) {
            json.add("field", field);
        }
        return json.build().toString();
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(toJson()).build();
    }
}
