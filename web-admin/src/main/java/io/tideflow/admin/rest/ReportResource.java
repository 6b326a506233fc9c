package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.QueueDepthBody;
import io.tideflow.admin.rest.body.RowsBody;
import io.tideflow.admin.rest.body.SystemHealthBody;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.Reports;
import io.tideflow.queue.api.admin.TaskReportFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' reports over the live tables (needs {@code tideflow-viewer}). */
@Path("/reports")
@Tag(name = "reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    Reports reports;

    @Operation(operationId = "reportsQueueDepth", summary = "Tasks by state per group, with the oldest due age")
    @GET
    @Path("/queue-depth")
    public QueueDepthBody queueDepth() {
        return QueueDepthBody.of(reports.queueDepth());
    }

    @Operation(
            operationId = "reportsSystemHealth",
            summary = "Database, nodes, leases, breakers, paused groups and dropped events")
    @GET
    @Path("/system-health")
    public SystemHealthBody systemHealth() {
        return SystemHealthBody.of(reports.systemHealth());
    }

    /** Tasks by group, type and state, with run times; filters: group, type, state, createdFrom, createdTo. */
    @Operation(operationId = "reportsTasks", summary = "Task counts by group, type and state, with run times")
    @GET
    @Path("/tasks")
    public RowsBody tasks(
            @QueryParam("group") String group,
            @QueryParam("type") String type,
            @QueryParam("state") TaskState state,
            @QueryParam("createdFrom") Instant createdFrom,
            @QueryParam("createdTo") Instant createdTo) {
        return new RowsBody(reports.tasks(
                new TaskReportFilter(QueryParams.text(group), QueryParams.text(type), state, createdFrom, createdTo)));
    }
}
