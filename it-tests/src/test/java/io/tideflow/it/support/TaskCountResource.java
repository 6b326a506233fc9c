package io.tideflow.it.support;

import io.tideflow.queue.api.admin.TaskFilter;
import io.tideflow.queue.api.admin.TaskQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Added to an example application by its test: how many tasks of a type the engine holds. */
@Path("/it/tasks")
@RequestScoped
public class TaskCountResource {

    @Inject
    TaskQueries tasks;

    @GET
    @Path("/{type}")
    @Produces(MediaType.TEXT_PLAIN)
    public String count(@PathParam("type") String type) {
        return Integer.toString(
                tasks.list(new TaskFilter(null, type, null, null), 500).items().size());
    }
}
