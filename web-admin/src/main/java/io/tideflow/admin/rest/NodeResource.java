package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.NodesBody;
import io.tideflow.queue.api.admin.TaskQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The nodes sharing the database, with their last heartbeat. Needs {@code tideflow-viewer}. */
@Path("/nodes")
@Tag(name = "nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    @Inject
    TaskQueries queries;

    @Operation(operationId = "nodesList", summary = "The nodes on the database, alive or not")
    @GET
    public NodesBody nodes() {
        return new NodesBody(queries.nodes());
    }
}
