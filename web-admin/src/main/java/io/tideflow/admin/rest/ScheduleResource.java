package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.SchedulesBody;
import io.tideflow.queue.api.recurring.RecurringSchedules;
import io.tideflow.queue.api.recurring.ScheduleRequest;
import io.tideflow.queue.api.recurring.ScheduleView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recurring schedules: a cron expression in a time zone that enqueues one task per slot. Reading needs
 * {@code tideflow-viewer}, every change {@code tideflow-operator} (web.xml). Declared schedules (annotation or
 * configuration) can be paused and resumed here, not changed or deleted.
 */
@Path("/schedules")
@Tag(name = "schedules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    private static final String EXAMPLE = "{\"name\": \"hourly-echo\", \"type\": \"demo.echo\","
            + " \"cron\": \"0 * * * *\", \"zone\": \"Europe/Berlin\", \"payload\": {\"message\": \"on the hour\"},"
            + " \"misfire\": \"RUN_ONCE\"}";

    @Inject
    RecurringSchedules schedules;

    @Context
    UriInfo uriInfo;

    @Operation(operationId = "schedulesList", summary = "Every recurring schedule with its next slots")
    @GET
    public SchedulesBody list() {
        return SchedulesBody.of(schedules.list());
    }

    @Operation(operationId = "schedulesGet", summary = "One recurring schedule with its next slots")
    @GET
    @Path("/{name}")
    public SchedulesBody.Schedule get(@PathParam("name") String name) {
        return SchedulesBody.schedule(schedules.get(name));
    }

    @Operation(operationId = "schedulesCreate", summary = "Create a recurring schedule; it fires from its next slot")
    @APIResponse(
            responseCode = "201",
            description = "The new schedule; Location is its address.",
            content = @Content(schema = @Schema(implementation = SchedulesBody.Schedule.class)))
    @APIResponse(
            responseCode = "409",
            description = "A schedule of that name exists.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "ScheduleDefinition"),
                                            examples =
                                                    @ExampleObject(
                                                            name = "hourly",
                                                            summary = "An echo on the hour, Berlin time",
                                                            value = EXAMPLE)))
                    byte[] body) {
        ScheduleRequest request = ScheduleJson.read(body, null);
        ScheduleView created = DeadlockRetry.call(() -> schedules.create(request));
        URI location = uriInfo.getBaseUriBuilder()
                .path(ScheduleResource.class)
                .path(created.name())
                .build();
        return Response.created(location)
                .entity(SchedulesBody.schedule(created))
                .build();
    }

    /** Replaces the definition of a schedule made through the API; its slots start again from now. */
    @Operation(operationId = "schedulesUpdate", summary = "Replace a recurring schedule's definition")
    @APIResponse(
            responseCode = "409",
            description = "The schedule is declared (annotation or configuration), or changed meanwhile.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SchedulesBody.Schedule update(
            @PathParam("name") String name,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "ScheduleDefinition"),
                                            examples =
                                                    @ExampleObject(
                                                            name = "hourly",
                                                            summary = "An echo on the hour, Berlin time",
                                                            value = EXAMPLE)))
                    byte[] body) {
        ScheduleRequest request = ScheduleJson.read(body, name);
        return SchedulesBody.schedule(DeadlockRetry.call(() -> schedules.update(request)));
    }

    /** Deletes a schedule made through the API; the tasks it enqueued stay. */
    @Operation(operationId = "schedulesDelete", summary = "Delete a recurring schedule made through the API")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(
            responseCode = "409",
            description = "The schedule is declared (annotation or configuration).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        DeadlockRetry.call(() -> {
            schedules.delete(name);
            return null;
        });
        return Response.noContent().build();
    }

    @Operation(operationId = "schedulesPause", summary = "Pause a recurring schedule: no slot fires until resumed")
    @POST
    @Path("/{name}/pause")
    public SchedulesBody.Schedule pause(@PathParam("name") String name) {
        return SchedulesBody.schedule(DeadlockRetry.call(() -> schedules.pause(name)));
    }

    @Operation(
            operationId = "schedulesResume",
            summary = "Resume a recurring schedule from its next slot (the paused ones are not made up)")
    @POST
    @Path("/{name}/resume")
    public SchedulesBody.Schedule resume(@PathParam("name") String name) {
        return SchedulesBody.schedule(DeadlockRetry.call(() -> schedules.resume(name)));
    }
}
