package io.tideflow.admin.rest;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.BreakerView;
import io.tideflow.queue.api.admin.GroupLimitsRequest;
import io.tideflow.queue.api.admin.GroupView;
import io.tideflow.queue.api.admin.ResourceGroups;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Resource groups: their depth by state, limits, pause and circuit breaker. Reading needs {@code tideflow-viewer}, every change
 * {@code tideflow-operator} (web.xml).
 */
@Path("/groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    private static final Set<String> LIMIT_FIELDS =
            Set.of("maxConcurrent", "maxConcurrentCluster", "ratePermits", "ratePeriod");

    @Inject
    ResourceGroups groups;

    @GET
    public String list() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        groups.list().forEach(group -> array.add(json(group)));
        return Json.createObjectBuilder().add("groups", array).build().toString();
    }

    /** Replaces the group's limits; a field left out or null removes that limit. */
    @PUT
    @Path("/{name}/limits")
    @Consumes(MediaType.APPLICATION_JSON)
    public String setLimits(@PathParam("name") String name, String body) {
        return json(groups.setLimits(name, limitsOf(body))).build().toString();
    }

    /** Gives the group's limits back to configuration. */
    @DELETE
    @Path("/{name}/limits")
    public String resetLimits(@PathParam("name") String name) {
        return json(groups.resetLimits(name)).build().toString();
    }

    @POST
    @Path("/{name}/pause")
    public String pause(@PathParam("name") String name) {
        return json(groups.pause(name)).build().toString();
    }

    @POST
    @Path("/{name}/resume")
    public String resume(@PathParam("name") String name) {
        return json(groups.resume(name)).build().toString();
    }

    /** {@code open} holds the breaker open until closed; {@code close} keeps its counts; {@code reset} forgets them. */
    @POST
    @Path("/{name}/breaker/{action}")
    public String breaker(@PathParam("name") String name, @PathParam("action") String action) {
        GroupView changed = switch (action) {
            case "open" -> groups.openBreaker(name);
            case "close" -> groups.closeBreaker(name);
            case "reset" -> groups.resetBreaker(name);
            default ->
                throw new InvalidTaskRequestException("action", "must be open, close or reset, got '" + action + "'");
        };
        return json(changed).build().toString();
    }

    private static JsonObjectBuilder json(GroupView group) {
        JsonObjectBuilder depth = Json.createObjectBuilder();
        for (Map.Entry<TaskState, Long> state : group.depth().entrySet()) {
            depth.add(state.getKey().name(), state.getValue());
        }
        JsonObjectBuilder limits = Json.createObjectBuilder();
        addNullable(limits, "maxConcurrent", group.maxConcurrent());
        addNullable(limits, "maxConcurrentCluster", group.maxConcurrentCluster());
        addNullable(limits, "ratePermits", group.ratePermits());
        if (group.ratePeriod() == null) {
            limits.addNull("ratePeriod");
        } else {
            limits.add("ratePeriod", group.ratePeriod().toString());
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", group.name())
                .add("depth", depth)
                .add("running", group.depth().getOrDefault(TaskState.RUNNING, 0L))
                .add("paused", group.paused())
                .add("limits", limits)
                .add("limitsFrom", group.limitsFromApi() ? "api" : "configuration");
        BreakerView breaker = group.breaker();
        if (breaker == null) {
            json.addNull("breaker");
        } else {
            JsonObjectBuilder state = Json.createObjectBuilder()
                    .add("state", breaker.state().name())
                    .add("failureCount", breaker.failureCount())
                    .add("calls", breaker.calls());
            addNullable(state, "lastFailure", breaker.lastFailure());
            addNullable(state, "nextAttempt", breaker.nextAttempt());
            json.add("breaker", state);
        }
        return json;
    }

    private static void addNullable(JsonObjectBuilder json, String field, java.time.Instant value) {
        if (value == null) {
            json.addNull(field);
        } else {
            json.add(field, value.toString());
        }
    }

    private static void addNullable(JsonObjectBuilder json, String field, Integer value) {
        if (value == null) {
            json.addNull(field);
        } else {
            json.add(field, value);
        }
    }

    private static GroupLimitsRequest limitsOf(String body) {
        JsonObject json;
        try {
            JsonValue value = Json.createReader(new StringReader(body == null ? "" : body))
                    .readValue();
            if (!(value instanceof JsonObject object)) {
                throw new InvalidTaskRequestException("body", "must be a JSON object with the fields " + LIMIT_FIELDS);
            }
            json = object;
        } catch (JsonException e) {
            throw new InvalidTaskRequestException("body", "is not valid JSON: " + e.getMessage());
        }
        for (String field : json.keySet()) {
            if (!LIMIT_FIELDS.contains(field)) {
                throw new InvalidTaskRequestException(field, "is not a limit; known fields are " + LIMIT_FIELDS);
            }
        }
        return new GroupLimitsRequest(
                JsonFields.whole(json, "maxConcurrent", "maxConcurrent"),
                JsonFields.whole(json, "maxConcurrentCluster", "maxConcurrentCluster"),
                JsonFields.whole(json, "ratePermits", "ratePermits"),
                duration(json, "ratePeriod"));
    }

    private static Duration duration(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            try {
                return Duration.parse(text.getString());
            } catch (DateTimeParseException e) {
                throw new InvalidTaskRequestException(field, "must be an ISO-8601 duration such as PT1S");
            }
        }
        throw new InvalidTaskRequestException(field, "must be an ISO-8601 duration such as PT1S, or null");
    }
}
