package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.HistoryBody;
import io.tideflow.admin.rest.body.IdsBody;
import io.tideflow.admin.rest.body.TaskBody;
import io.tideflow.admin.rest.body.TaskPageBody;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskNotFoundException;
import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.api.admin.Reports;
import io.tideflow.queue.api.admin.TaskChangeCursor;
import io.tideflow.queue.api.admin.TaskExport;
import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskQueries;
import io.tideflow.queue.api.admin.TaskView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(InputStream body) {
        TaskRequest request = new SubmissionParser(queue.payloadMaxBytes()).parse(body);
        TaskId id = DeadlockRetry.call(() -> queue.enqueue(request));
        TaskView task = queries.find(id).orElseThrow(() -> new TaskNotFoundException(id));
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path(TaskResource.class)
                        .path(id.value())
                        .build())
                .entity(TaskBody.of(task))
                .build();
    }

    /** Many tasks in one transaction: {@code {"tasks": [submission, ...]}}, answered with their ids in order. */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitBatch(InputStream body) {
        List<TaskRequest> requests = new SubmissionParser(queue.payloadMaxBytes()).parseBatch(body);
        List<TaskId> ids = DeadlockRetry.call(() -> queue.enqueueAll(requests));
        return Response.status(Response.Status.CREATED).entity(IdsBody.of(ids)).build();
    }

    /**
     * Streams every task the filters select (in storage order) as NDJSON ({@code format=ndjson}, the default) or CSV,
     * from a database cursor: memory stays constant however many there are. The last line says the export is complete;
     * a node whose export slots are all taken answers 429.
     */
    @GET
    @Path("/export")
    @Produces({"application/x-ndjson", "text/csv"})
    public Response export(
            @QueryParam("format") @DefaultValue("ndjson") String format,
            @QueryParam("state") TaskState state,
            @QueryParam("type") String type,
            @QueryParam("group") String group,
            @QueryParam("createdFrom") Instant createdFrom,
            @QueryParam("createdTo") Instant createdTo,
            @QueryParam("idempotencyKey") String idempotencyKey) {
        ExportFormat chosen = QueryParams.exportFormat(format);
        TaskFilter filter = new TaskFilter(
                state,
                QueryParams.text(type),
                QueryParams.text(group),
                null,
                createdFrom,
                createdTo,
                QueryParams.text(idempotencyKey));
        // the slot is taken now, so that a busy node answers 429 before the 200 of a stream is sent
        TaskExport export = reports.startExport(filter, chosen);
        StreamingOutput body = out -> {
            try (export) {
                export.writeTo(out);
            }
        };
        return Response.ok(body, chosen == ExportFormat.CSV ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"tideflow-tasks." + (chosen == ExportFormat.CSV ? "csv" : "ndjson")
                                + "\"")
                .build();
    }

    @GET
    @Path("/{id}")
    public TaskBody get(@PathParam("id") String id) {
        TaskId taskId = TaskId.of(id);
        return TaskBody.of(queries.find(taskId).orElseThrow(() -> new TaskNotFoundException(taskId)));
    }

    @GET
    public TaskPageBody list(
            @QueryParam("state") TaskState state,
            @QueryParam("type") String type,
            @QueryParam("group") String group,
            @QueryParam("after") String after,
            @QueryParam("createdFrom") Instant createdFrom,
            @QueryParam("createdTo") Instant createdTo,
            @QueryParam("idempotencyKey") String idempotencyKey,
            @QueryParam("sort") @DefaultValue("created") String sort,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        TaskFilter filter =
                new TaskFilter(state, type, group, null, createdFrom, createdTo, QueryParams.text(idempotencyKey));
        return switch (sort.trim().toLowerCase(Locale.ROOT)) {
            case "created" ->
                TaskPageBody.of(queries.list(filter.after(after == null ? null : TaskId.of(after)), limitOf(limit)));
            case "updated" ->
                TaskPageBody.of(queries.listByLastChange(
                        filter, after == null ? null : TaskChangeCursor.parse("after", after), limitOf(limit)));
            default -> throw new InvalidTaskRequestException("sort", "must be created or updated, got " + sort);
        };
    }

    @POST
    @Path("/{id}/cancel")
    public TaskBody cancel(@PathParam("id") String id) {
        TaskId task = TaskId.of(id);
        return TaskBody.of(DeadlockRetry.call(() -> queue.cancel(task)));
    }

    @GET
    @Path("/{id}/history")
    public HistoryBody history(@PathParam("id") String id) {
        return HistoryBody.of(queries.history(TaskId.of(id)));
    }

    @POST
    @Path("/{id}/requeue")
    public Response requeue(@PathParam("id") String id) {
        TaskId deadLetter = TaskId.of(id);
        TaskId copy = DeadlockRetry.call(() -> queue.requeue(deadLetter));
        TaskView task = queries.find(copy).orElseThrow(() -> new TaskNotFoundException(copy));
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path(TaskResource.class)
                        .path(copy.value())
                        .build())
                .entity(TaskBody.of(task))
                .build();
    }

    private static int limitOf(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidTaskRequestException("limit", "must be a whole number between 1 and 500");
        }
    }
}
