package io.tideflow.it.support;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Lets a client-side test open a {@link Gates gate} that its handlers wait at. */
@Path("/it/gates")
public class GateResource {

    @Inject
    Gates gates;

    @POST
    @Path("/{name}/open")
    public void open(@PathParam("name") String name) {
        gates.open(name);
    }
}
