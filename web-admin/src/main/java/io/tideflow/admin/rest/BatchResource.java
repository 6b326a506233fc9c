package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.BatchesBody;
import io.tideflow.batch.executions.BatchExecutionView;
import io.tideflow.batch.executions.BatchExecutions;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.BatchRecords;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Jakarta Batch executions Tideflow started (chunk jobs of batchable task types): status, counts, the tasks each
 * claimed; restart of a failed or stopped one and stop of a running one. Reading needs {@code tideflow-viewer},
 * restart and stop {@code tideflow-operator} (web.xml).
 */
@Path("/batches")
@Tag(name = "batches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {

    private static final int MAX_TASKS = 10_000;

    @Inject
    BatchExecutions executions;

    @Context
    UriInfo uri;

    @Operation(operationId = "batchesList", summary = "The batch executions Tideflow started, newest first")
    @GET
    public BatchesBody list(
            @QueryParam("before") String before, @QueryParam("limit") @DefaultValue("50") String limit) {
        int most = wholeNumber("limit", limit, 1, BatchRecords.MAX_PAGE);
        Long below = before == null || before.isBlank() ? null : executionId("before", before);
        return BatchesBody.of(executions.newest(below, most), most);
    }

    /** One execution with the tasks it claimed (at most {@code tasks}, default 1,000). */
    @Operation(operationId = "batchesOne", summary = "One execution, with the tasks it claimed and their states now")
    @GET
    @Path("/{id}")
    public BatchesBody.Execution one(
            @PathParam("id") String id, @QueryParam("tasks") @DefaultValue("1000") String tasks) {
        long execution = executionId("id", id);
        int most = wholeNumber("tasks", tasks, 1, MAX_TASKS);
        BatchExecutionView view = executions.find(execution);
        return BatchesBody.execution(view, executions.tasksOf(execution, most));
    }

    /** Restarts a FAILED or STOPPED execution; answers 201 with the new execution and its address. */
    @Operation(operationId = "batchesRestart", summary = "Run a FAILED or STOPPED execution again")
    @APIResponse(
            responseCode = "201",
            description = "The new execution; Location is its address.",
            content = @Content(schema = @Schema(implementation = BatchesBody.Execution.class)))
    @APIResponse(
            responseCode = "409",
            description = "The execution is neither FAILED nor STOPPED, or was restarted already.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Path("/{id}/restart")
    public Response restart(@PathParam("id") String id) {
        BatchExecutionView restarted = executions.restart(executionId("id", id));
        return Response.created(uri.getBaseUriBuilder()
                        .path(BatchResource.class)
                        .path(Long.toString(restarted.record().executionId()))
                        .build())
                .entity(BatchesBody.execution(restarted, null))
                .build();
    }

    /** Asks a running execution to stop at its next chunk boundary; answers 202. */
    @Operation(operationId = "batchesStop", summary = "Stop a running execution at its next chunk boundary")
    @APIResponse(
            responseCode = "202",
            description = "The execution, stopping.",
            content = @Content(schema = @Schema(implementation = BatchesBody.Execution.class)))
    @APIResponse(
            responseCode = "409",
            description = "The execution is not running, or runs on another node.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @POST
    @Path("/{id}/stop")
    public Response stop(@PathParam("id") String id) {
        BatchExecutionView stopping = executions.stop(executionId("id", id));
        return Response.accepted(BatchesBody.execution(stopping, null)).build();
    }

    private static long executionId(String field, String text) {
        try {
            long id = Long.parseLong(text.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below, with the field named
        }
        throw new InvalidTaskRequestException(
                field, "must be a batch execution id (a positive whole number), got " + text);
    }

    private static int wholeNumber(String field, String text, int least, int most) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, with the field named
        }
        throw new InvalidTaskRequestException(field, "must be a whole number " + least + ".." + most + ", got " + text);
    }
}
