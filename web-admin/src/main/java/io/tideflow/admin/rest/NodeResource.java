package io.tideflow.admin.rest;

import io.tideflow.queue.api.admin.NodeView;
import io.tideflow.queue.api.admin.TaskQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The nodes sharing the database, with their last heartbeat. Needs {@code tideflow-viewer}. */
@Path("/nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    @Inject
    TaskQueries queries;

    @GET
    public String nodes() {
        JsonArrayBuilder nodes = Json.createArrayBuilder();
        for (NodeView node : queries.nodes()) {
            nodes.add(Json.createObjectBuilder()
                    .add("id", node.id())
                    .add("startedAt", node.startedAt().toString())
                    .add("lastSeen", node.lastSeen().toString())
                    .add("running", node.running())
                    .add("alive", node.alive()));
        }
        return Json.createObjectBuilder().add("nodes", nodes).build().toString();
    }
}
