package io.tideflow.it.support;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** Lets a client-side test count the rows a handler wrote. */
@Path("/it/effects")
public class EffectsResource {

    @Inject
    EffectsTable table;

    @GET
    @Path("/{marker}")
    @Produces(MediaType.TEXT_PLAIN)
    public String count(@PathParam("marker") String marker) throws SQLException {
        return Integer.toString(table.count(marker));
    }
}
