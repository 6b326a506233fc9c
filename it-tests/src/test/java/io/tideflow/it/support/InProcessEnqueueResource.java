package io.tideflow.it.support;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Lets a client-side test run {@link InProcessEnqueuer} inside the server. */
@Path("/it/in-process-enqueue")
public class InProcessEnqueueResource {

    @Inject
    InProcessEnqueuer enqueuer;

    @POST
    @Path("/{unknownType}")
    @Produces(MediaType.APPLICATION_JSON)
    public InProcessEnqueuer.Outcome run(@PathParam("unknownType") String unknownType) {
        return enqueuer.enqueueAfterARefusal(unknownType);
    }
}
