package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.HistoryBody;
import io.tideflow.admin.rest.body.IdsBody;
import io.tideflow.admin.rest.body.TaskBody;
import io.tideflow.admin.rest.body.TaskPageBody;
import io.tideflow.queue.api.Enqueued;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Submits, reads and cancels tasks. Reads need {@code tideflow-viewer}, writes {@code tideflow-operator} (web.xml).
 * One instance for the application: the single submit is the API's busiest call, and a request-scoped resource cost
 * each one a bean's creation and injection; what a request brings ({@link UriInfo}) comes as a parameter.
 */
@Path("/tasks")
@Tag(name = "tasks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    // inline rather than references to the description's examples, which Payara writes empty
    private static final String ECHO_EXAMPLE =
            "{\"type\": \"demo.echo\", \"payload\": {\"hello\": \"world\"}, \"priority\": 7,"
                    + " \"idempotencyKey\": \"order-2026-0042\"}";
    private static final String BATCH_EXAMPLE = "{\"tasks\": [{\"type\": \"demo.echo\", \"payload\": 1},"
            + " {\"type\": \"demo.echo\", \"payload\": 2},"
            + " {\"type\": \"demo.batch-echo\", \"group\": \"batch-demo\", \"payload\": 3}]}";

    @Inject
    TaskQueue queue;

    @Inject
    TaskQueries queries;

    @Inject
    Reports reports;

    /**
     * Answers 201 with the new task, or 200 with the task that already holds the idempotency key (the body's field or
     * the {@code Idempotency-Key} header), so that a client retrying a request it lost the answer to can tell.
     */
    @Operation(operationId = "tasksSubmit", summary = "Enqueue a task")
    @APIResponse(
            responseCode = "201",
            description = "The new task; Location is its address.",
            content = @Content(schema = @Schema(implementation = TaskBody.class)))
    @APIResponse(
            responseCode = "200",
            description = "The task that already held the idempotency key; Content-Location is its address.",
            content = @Content(schema = @Schema(implementation = TaskBody.class)))
    @APIResponse(
            responseCode = "413",
            description = "The payload is larger than tideflow.payload.max-bytes.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "TaskSubmission"),
                                            examples =
                                                    @ExampleObject(
                                                            name = "echo",
                                                            summary = "A demo task",
                                                            value = ECHO_EXAMPLE)))
                    InputStream body,
            @Parameter(description = "Equivalent to the body's idempotencyKey; a body naming another key is refused.")
                    @HeaderParam(IdempotencyKeyHeader.NAME)
                    String idempotencyKey,
            @Context UriInfo uriInfo) {
        TaskRequest request =
                IdempotencyKeyHeader.applyTo(new SubmissionParser(queue.payloadMaxBytes()).parse(body), idempotencyKey);
        Enqueued enqueued = DeadlockRetry.call(() -> queue.enqueueOrFind(request));
        TaskId id = enqueued.id();
        TaskView task = enqueued.task() != null
                ? enqueued.task()
                : queries.find(id).orElseThrow(() -> new TaskNotFoundException(id));
        URI location = uriInfo.getBaseUriBuilder()
                .path(TaskResource.class)
                .path(id.value())
                .build();
        return (enqueued.created() ? Response.created(location) : Response.ok().contentLocation(location))
                .entity(TaskBody.of(task))
                .build();
    }

    /**
     * Many tasks in one transaction: {@code {"tasks": [submission, ...]}}, answered with their ids in order: 201 when
     * the batch created at least one task, 200 when every task was already there (a repeated batch).
     */
    @Operation(operationId = "tasksSubmitBatch", summary = "Enqueue up to 10,000 tasks in one transaction")
    @APIResponse(
            responseCode = "201",
            description = "The tasks' ids, in the order of the submissions.",
            content = @Content(schema = @Schema(implementation = IdsBody.class)))
    @APIResponse(
            responseCode = "200",
            description = "Every task already held its idempotency key: their ids, in order.",
            content = @Content(schema = @Schema(implementation = IdsBody.class)))
    @APIResponse(
            responseCode = "413",
            description = "The body is larger than the API accepts.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitBatch(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "TaskBatchSubmission"),
                                            examples =
                                                    @ExampleObject(
                                                            name = "batch",
                                                            summary = "Three tasks in one transaction",
                                                            value = BATCH_EXAMPLE)))
                    InputStream body,
            @Parameter(description = "Task i of the batch gets the key value/i; a body naming another key is refused.")
                    @HeaderParam(IdempotencyKeyHeader.NAME)
                    String idempotencyKey) {
        List<TaskRequest> requests = IdempotencyKeyHeader.applyToBatch(
                new SubmissionParser(queue.payloadMaxBytes()).parseBatch(body), idempotencyKey);
        List<Enqueued> enqueued = DeadlockRetry.call(() -> queue.enqueueAllOrFind(requests));
        boolean anyCreated = enqueued.stream().anyMatch(Enqueued::created);
        return Response.status(anyCreated ? Response.Status.CREATED : Response.Status.OK)
                .entity(IdsBody.of(enqueued.stream().map(Enqueued::id).toList()))
                .build();
    }

    /**
     * Streams every task the filters select (in storage order) as NDJSON ({@code format=ndjson}, the default) or CSV,
     * from a database cursor: memory stays constant however many there are. The last line says the export is complete;
     * a node whose export slots are all taken answers 429.
     */
    @Operation(operationId = "tasksExport", summary = "Stream the selected tasks as NDJSON or CSV")
    @APIResponse(
            responseCode = "200",
            description = "Every selected task, one per line, then a trailer line that says the export is complete.",
            content = {
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "429",
            description = "This node already streams tideflow.export.max-concurrent exports.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
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

    @Operation(operationId = "tasksGet", summary = "Read a task")
    @GET
    @Path("/{id}")
    public TaskBody get(@PathParam("id") String id) {
        TaskId taskId = TaskId.of(id);
        return TaskBody.of(queries.find(taskId).orElseThrow(() -> new TaskNotFoundException(taskId)));
    }

    @Operation(
            operationId = "tasksList",
            summary = "List tasks, newest first or most recently changed first, a page at a time")
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

    @Operation(
            operationId = "tasksCancel",
            summary = "Cancel a task",
            description = "A waiting task becomes CANCELLED at once; a running one is asked to stop.")
    @APIResponse(
            responseCode = "200",
            description = "The task as it is after the cancel.",
            content = @Content(schema = @Schema(implementation = TaskBody.class)))
    @APIResponse(
            responseCode = "409",
            description = "The task has already ended.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Path("/{id}/cancel")
    public TaskBody cancel(@PathParam("id") String id) {
        TaskId task = TaskId.of(id);
        return TaskBody.of(DeadlockRetry.call(() -> queue.cancel(task)));
    }

    @Operation(operationId = "tasksHistory", summary = "A task's state changes, oldest first")
    @GET
    @Path("/{id}/history")
    public HistoryBody history(@PathParam("id") String id) {
        return HistoryBody.of(queries.history(TaskId.of(id)));
    }

    @Operation(
            operationId = "tasksRequeue",
            summary = "Enqueue a new copy of a dead letter (once: later requeues return the same copy)")
    @APIResponse(
            responseCode = "201",
            description = "The copy; Location is its address.",
            content = @Content(schema = @Schema(implementation = TaskBody.class)))
    @APIResponse(
            responseCode = "409",
            description = "The task is not DEAD_LETTER.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Path("/{id}/requeue")
    public Response requeue(@PathParam("id") String id, @Context UriInfo uriInfo) {
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
