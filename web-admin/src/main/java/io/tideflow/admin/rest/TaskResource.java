package io.tideflow.admin.rest;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskNotFoundException;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.api.admin.Reports;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskPage;
import io.tideflow.queue.api.admin.TaskQueries;
import io.tideflow.queue.api.admin.TaskView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Submits, reads and cancels tasks. Reads need {@code tideflow-viewer}, writes {@code tideflow-operator} (web.xml). */
@Path("/tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskQueue queue;

    @Inject
    TaskQueries queries;

    @Inject
    Reports reports;

    @Inject
    @ConfigProperty(name = "tideflow.payload.max-bytes", defaultValue = "262144")
    int payloadMaxBytes;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(InputStream body) {
        TaskId id = queue.enqueue(new SubmissionParser(payloadMaxBytes).parse(body));
        TaskView task = queries.find(id).orElseThrow(() -> new TaskNotFoundException(id));
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path(TaskResource.class)
                        .path(id.value())
                        .build())
                .entity(TaskJson.of(task).build().toString())
                .build();
    }

    /** Many tasks in one transaction: {@code {"tasks": [submission, ...]}}, answered with their ids in order. */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitBatch(InputStream body) {
        List<TaskId> ids = queue.enqueueAll(new SubmissionParser(payloadMaxBytes).parseBatch(body));
        JsonArrayBuilder array = Json.createArrayBuilder();
        ids.forEach(id -> array.add(id.value()));
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder().add("ids", array).build().toString())
                .build();
    }

    /**
     * Streams every task the filters select (in storage order) as NDJSON ({@code format=ndjson}, the default) or CSV,
     * from a database cursor: memory stays constant however many there are.
     */
    @GET
    @Path("/export")
    @Produces({"application/x-ndjson", "text/csv"})
    public Response export(
            @QueryParam("format") @DefaultValue("ndjson") String format,
            @QueryParam("state") String state,
            @QueryParam("type") String type,
            @QueryParam("group") String group) {
        ExportFormat chosen = switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "ndjson" -> ExportFormat.NDJSON;
            case "csv" -> ExportFormat.CSV;
            default -> throw new InvalidTaskRequestException("format", "must be ndjson or csv, got " + format);
        };
        TaskFilter filter =
                new TaskFilter(QueryParams.state(state), QueryParams.text(type), QueryParams.text(group), null);
        StreamingOutput body = out -> reports.export(filter, chosen, out);
        return Response.ok(body, chosen == ExportFormat.CSV ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"tideflow-tasks." + (chosen == ExportFormat.CSV ? "csv" : "ndjson")
                                + "\"")
                .build();
    }

    @GET
    @Path("/{id}")
    public String get(@PathParam("id") String id) {
        TaskId taskId = TaskId.of(id);
        return TaskJson.of(queries.find(taskId).orElseThrow(() -> new TaskNotFoundException(taskId)))
                .build()
                .toString();
    }

    @GET
    public String list(
            @QueryParam("state") String state,
            @QueryParam("type") String type,
            @QueryParam("group") String group,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        TaskFilter filter = new TaskFilter(
                state == null ? null : stateOf(state), type, group, after == null ? null : TaskId.of(after));
        TaskPage page = queries.list(filter, limitOf(limit));
        return TaskJson.page(
                        page.items(), page.next() == null ? null : page.next().value())
                .build()
                .toString();
    }

    @POST
    @Path("/{id}/cancel")
    public String cancel(@PathParam("id") String id) {
        return TaskJson.of(queue.cancel(TaskId.of(id))).build().toString();
    }

    @GET
    @Path("/{id}/history")
    public String history(@PathParam("id") String id) {
        return TaskJson.history(queries.history(TaskId.of(id))).build().toString();
    }

    @POST
    @Path("/{id}/requeue")
    public Response requeue(@PathParam("id") String id) {
        TaskId copy = queue.requeue(TaskId.of(id));
        TaskView task = queries.find(copy).orElseThrow(() -> new TaskNotFoundException(copy));
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path(TaskResource.class)
                        .path(copy.value())
                        .build())
                .entity(TaskJson.of(task).build().toString())
                .build();
    }

    private static TaskState stateOf(String text) {
        try {
            return TaskState.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskRequestException(
                    "state", "must be one of " + java.util.Arrays.toString(TaskState.values()));
        }
    }

    private static int limitOf(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidTaskRequestException("limit", "must be a whole number between 1 and 500");
        }
    }
}
