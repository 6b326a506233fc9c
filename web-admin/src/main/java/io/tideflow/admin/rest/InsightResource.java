package io.tideflow.admin.rest;

import io.tideflow.queue.api.admin.InsightQueries;
import io.tideflow.queue.api.admin.InsightSet;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The performance analyzer's newest findings (needs {@code tideflow-viewer}). */
@Path("/insights")
@Tag(name = "insights")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InsightResource {

    @Inject
    InsightQueries insights;

    /** The newest set of insights, most severe first: {@code computedAt} is absent before the first analysis. */
    @Operation(
            operationId = "insights",
            summary = "The newest insights: types slower than their baseline, the slowest and most retried types,"
                    + " saturated groups, nodes short of a resource")
    @GET
    public InsightSet latest() {
        return insights.latest();
    }
}
