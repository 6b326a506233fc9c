package io.tideflow.it.support;

import io.tideflow.queue.api.TaskQueue;
import io.tideflow.queue.api.TaskRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Produces;

/** Enqueues many tasks in one transaction, for load tests: {@code POST /api/it/bulk?type=t&count=n}. */
@Stateless
@Path("/it/bulk")
public class BulkEnqueueResource {

    @Inject
    TaskQueue queue;

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String enqueue(@QueryParam("type") String type, @QueryParam("count") int count) {
        for (int i = 0; i < count; i++) {
            queue.enqueue(TaskRequest.ofType(type).payloadJson("{\"n\":" + i + "}").build());
        }
        return Integer.toString(count);
    }
}
