package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.GroupActionsBody;
import io.tideflow.admin.rest.body.GroupsBody;
import io.tideflow.admin.submission.JsonFields;
import io.tideflow.admin.submission.StrictJson;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.GroupLimitsRequest;
import io.tideflow.queue.api.admin.GroupView;
import io.tideflow.queue.api.admin.ResourceGroups;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Resource groups: their depth by state, limits, pause and circuit breaker. Reading needs {@code tideflow-viewer}, every change
 * {@code tideflow-operator} (web.xml).
 */
@Path("/groups")
@Tag(name = "groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    private static final Set<String> LIMIT_FIELDS =
            Set.of("maxConcurrent", "maxConcurrentCluster", "ratePermits", "ratePeriod");

    @Inject
    ResourceGroups groups;

    @Operation(operationId = "groupsList", summary = "Every group with its depth, limits, pause and breaker")
    @GET
    public GroupsBody list() {
        return GroupsBody.of(groups.list());
    }

    /**
     * One group, its depth counted for it alone: cheaper than the list for a client that follows one group (the path
     * {@code /groups/actions} is the operators' changes, so a group named {@code actions} is read from the list).
     */
    @Operation(operationId = "groupsOne", summary = "One group with its depth, limits, pause and breaker")
    @GET
    @Path("/{name}")
    public GroupsBody.Group one(@PathParam("name") String name) {
        return GroupsBody.group(DeadlockRetry.call(() -> groups.find(name)));
    }

    @Operation(operationId = "groupsActions", summary = "Operators' changes to groups, newest first")
    /** Who changed which group and when, newest first ({@code group} narrows it to one group). */
    @GET
    @Path("/actions")
    public GroupActionsBody actions(
            @QueryParam("group") String group, @QueryParam("limit") @DefaultValue("50") String limit) {
        int most;
        try {
            most = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new InvalidTaskRequestException("limit", "must be a whole number, got " + limit);
        }
        return GroupActionsBody.of(groups.actions(group == null || group.isBlank() ? null : group.trim(), most));
    }

    @Operation(operationId = "groupsSetLimits", summary = "Set a group's limits until they are reset")
    @PUT
    @Path("/{name}/limits")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupsBody.Group setLimits(
            @PathParam("name") String name,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "GroupLimitsChange"),
                                            examples =
                                                    @ExampleObject(
                                                            name = "limits",
                                                            summary = "Two at a time per node, ten starts a second",
                                                            value = "{\"maxConcurrent\": 2, \"ratePermits\": 10,"
                                                                    + " \"ratePeriod\": \"PT1S\"}")))
                    byte[] body) {
        GroupLimitsRequest limits = limitsOf(body);
        return GroupsBody.group(DeadlockRetry.call(() -> groups.setLimits(name, limits)));
    }

    /** Gives the group's limits back to configuration. */
    @Operation(operationId = "groupsResetLimits", summary = "Give a group's limits back to configuration")
    @DELETE
    @Path("/{name}/limits")
    public GroupsBody.Group resetLimits(@PathParam("name") String name) {
        return GroupsBody.group(DeadlockRetry.call(() -> groups.resetLimits(name)));
    }

    @Operation(operationId = "groupsPause", summary = "Pause a group: its tasks are not claimed on any node")
    @POST
    @Path("/{name}/pause")
    public GroupsBody.Group pause(@PathParam("name") String name) {
        return GroupsBody.group(DeadlockRetry.call(() -> groups.pause(name)));
    }

    @Operation(operationId = "groupsResume", summary = "Resume a paused group")
    @POST
    @Path("/{name}/resume")
    public GroupsBody.Group resume(@PathParam("name") String name) {
        return GroupsBody.group(DeadlockRetry.call(() -> groups.resume(name)));
    }

    /** {@code open} holds the breaker open until closed; {@code close} keeps its counts; {@code reset} forgets them. */
    @Operation(operationId = "groupsBreaker", summary = "Open, close or reset a group's circuit breaker")
    @POST
    @Path("/{name}/breaker/{action}")
    public GroupsBody.Group breaker(@PathParam("name") String name, @PathParam("action") String action) {
        GroupView changed = switch (action) {
            case "open" -> DeadlockRetry.call(() -> groups.openBreaker(name));
            case "close" -> DeadlockRetry.call(() -> groups.closeBreaker(name));
            case "reset" -> DeadlockRetry.call(() -> groups.resetBreaker(name));
            default ->
                throw new InvalidTaskRequestException("action", "must be open, close or reset, got '" + action + "'");
        };
        return GroupsBody.group(changed);
    }

    private static GroupLimitsRequest limitsOf(byte[] body) {
        JsonObject json = StrictJson.readObject(
                body == null ? new byte[0] : body, "a JSON object with the fields " + LIMIT_FIELDS);
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
