package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.WorkflowBody;
import io.tideflow.queue.api.workflow.WorkflowRequest;
import io.tideflow.queue.api.workflow.WorkflowView;
import io.tideflow.queue.api.workflow.Workflows;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * Workflows: steps submitted together that wait for each other (chains, fan-out and fan-in). Reading needs
 * {@code tideflow-viewer}, submitting and cancelling {@code tideflow-operator} (web.xml).
 */
@Path("/workflows")
@Tag(name = "workflows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    private static final String EXAMPLE = "{\"name\": \"nightly\", \"steps\": ["
            + "{\"step\": \"extract\", \"task\": {\"type\": \"demo.echo\", \"payload\": {\"part\": 1}}},"
            + " {\"step\": \"transform\", \"task\": {\"type\": \"demo.echo\"}, \"after\": [\"extract\"]},"
            + " {\"step\": \"report\", \"task\": {\"type\": \"demo.echo\"}, \"after\": [\"transform\"],"
            + " \"onPredecessorFailure\": \"RUN\"}]}";

    @Inject
    Workflows workflows;

    @Context
    UriInfo uriInfo;

    @Operation(operationId = "workflowsSubmit", summary = "Submit a workflow: steps that wait for each other")
    @APIResponse(
            responseCode = "201",
            description = "The new workflow with each step's state; Location is its address.",
            content = @Content(schema = @Schema(implementation = WorkflowBody.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "WorkflowSubmission"),
                                            examples =
                                                    @ExampleObject(
                                                            name = "chain",
                                                            summary = "Three steps, one after the other",
                                                            value = EXAMPLE)))
                    byte[] body) {
        WorkflowRequest request = WorkflowJson.read(body);
        WorkflowView created = DeadlockRetry.call(() -> workflows.submit(request));
        URI location = uriInfo.getBaseUriBuilder()
                .path(WorkflowResource.class)
                .path(created.id())
                .build();
        return Response.created(location).entity(WorkflowBody.of(created)).build();
    }

    @Operation(operationId = "workflowsGet", summary = "A workflow with the state of each step")
    @GET
    @Path("/{id}")
    public WorkflowBody get(@PathParam("id") String id) {
        // polled while its steps change: on Derby the join of steps and tasks can be chosen as a deadlock victim
        return WorkflowBody.of(DeadlockRetry.call(() -> workflows.get(id)));
    }

    @Operation(
            operationId = "workflowsCancel",
            summary = "Cancel every step that has not ended (running ones are asked to stop)")
    @POST
    @Path("/{id}/cancel")
    public WorkflowBody cancel(@PathParam("id") String id) {
        return WorkflowBody.of(DeadlockRetry.call(() -> workflows.cancel(id)));
    }
}
