package io.tideflow.admin.rest;

import io.tideflow.queue.api.admin.NodeView;
import io.tideflow.queue.api.admin.QueueDepth;
import io.tideflow.queue.api.admin.Reports;
import io.tideflow.queue.api.admin.SystemHealth;
import io.tideflow.queue.api.admin.TaskReportFilter;
import io.tideflow.queue.api.admin.TaskReportRow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Operators' reports over the live tables (needs {@code tideflow-viewer}). */
@Path("/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    Reports reports;

    @GET
    @Path("/queue-depth")
    public String queueDepth() {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        for (QueueDepth group : reports.queueDepth()) {
            JsonObjectBuilder states = Json.createObjectBuilder();
            group.depth().forEach((state, count) -> states.add(state.name(), count));
            groups.add(Json.createObjectBuilder()
                    .add("group", group.group())
                    .add("total", group.total())
                    .add("states", states)
                    .add("oldestDueAgeSeconds", group.oldestDueAge().toMillis() / 1000.0));
        }
        return Json.createObjectBuilder().add("groups", groups).build().toString();
    }

    @GET
    @Path("/system-health")
    public String systemHealth() {
        SystemHealth health = reports.systemHealth();
        JsonArrayBuilder nodes = Json.createArrayBuilder();
        for (NodeView node : health.nodes()) {
            nodes.add(Json.createObjectBuilder()
                    .add("id", node.id())
                    .add("alive", node.alive())
                    .add("startedAt", node.startedAt().toString())
                    .add("lastHeartbeat", node.lastSeen().toString())
                    .add("running", node.running()));
        }
        return Json.createObjectBuilder()
                .add("at", health.at().toString())
                .add("database", health.database())
                .add("nodes", nodes)
                .add("leasesHeld", health.leasesHeld())
                .add("breakersOpen", Json.createArrayBuilder(health.breakersOpen()))
                .add("groupsPaused", Json.createArrayBuilder(health.groupsPaused()))
                .add("oldestDueAgeSeconds", health.oldestDueAge().toMillis() / 1000.0)
                .add("eventsDropped", health.eventsDropped())
                .build()
                .toString();
    }

    /** Tasks by group, type and state, with run times; filters: group, type, state, createdFrom, createdTo. */
    @GET
    @Path("/tasks")
    public String tasks(
            @QueryParam("group") String group,
            @QueryParam("type") String type,
            @QueryParam("state") String state,
            @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo) {
        TaskReportFilter filter = new TaskReportFilter(
                QueryParams.text(group),
                QueryParams.text(type),
                QueryParams.state(state),
                QueryParams.instant("createdFrom", createdFrom, null),
                QueryParams.instant("createdTo", createdTo, null));
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (TaskReportRow row : reports.tasks(filter)) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("group", row.group())
                    .add("type", row.type())
                    .add("state", row.state().name())
                    .add("count", row.count());
            if (row.avgExecutionMs() != null) {
                json.add("avgExecutionMs", row.avgExecutionMs()).add("maxExecutionMs", row.maxExecutionMs());
            }
            rows.add(json);
        }
        return Json.createObjectBuilder().add("rows", rows).build().toString();
    }
}
