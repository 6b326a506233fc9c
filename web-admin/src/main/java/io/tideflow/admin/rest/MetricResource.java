package io.tideflow.admin.rest;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.GroupMetrics;
import io.tideflow.queue.api.admin.LatencySummary;
import io.tideflow.queue.api.admin.MetricPoint;
import io.tideflow.queue.api.admin.MetricQueries;
import io.tideflow.queue.api.admin.MetricsSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The metric history: a summary over a time range, and one figure's series (needs {@code tideflow-viewer}). */
@Path("/metrics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MetricResource {

    @Inject
    MetricQueries metrics;

    /** Every group's figures (or one group's) over {@code [from, to)}; the last hour by default. */
    @GET
    @Path("/summary")
    public String summary(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("group") String group) {
        Instant end = QueryParams.instant("to", to, Instant.now());
        Instant start = QueryParams.instant("from", from, end.minus(Duration.ofHours(1)));
        MetricsSummary summary = metrics.summary(start, end, QueryParams.text(group));
        JsonArrayBuilder groups = Json.createArrayBuilder();
        for (GroupMetrics g : summary.groups()) {
            groups.add(Json.createObjectBuilder()
                    .add("group", g.group())
                    .add("enqueued", g.enqueued())
                    .add("started", g.started())
                    .add("completed", g.completed())
                    .add("failed", g.failed())
                    .add("retried", g.retried())
                    .add("deadLettered", g.deadLettered())
                    .add("cancelled", g.cancelled())
                    .add("rescued", g.rescued())
                    .add("throughputPerSecond", g.throughputPerSecond())
                    .add("errorRate", g.errorRate())
                    .add("queueWait", latency(g.queueWait()))
                    .add("execution", latency(g.execution())));
        }
        return Json.createObjectBuilder()
                .add("from", summary.from().toString())
                .add("to", summary.to().toString())
                .add("groups", groups)
                .build()
                .toString();
    }

    /** One figure of one group per minute ({@code resolution=minute}, the default) or per hour. */
    @GET
    @Path("/series")
    public String series(
            @QueryParam("metric") String metric,
            @QueryParam("group") String group,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("resolution") @DefaultValue("minute") String resolution) {
        Instant end = QueryParams.instant("to", to, Instant.now());
        Instant start = QueryParams.instant("from", from, end.minus(Duration.ofHours(1)));
        String unit = resolution.trim().toLowerCase(Locale.ROOT);
        if (!unit.equals("minute") && !unit.equals("hour")) {
            throw new InvalidTaskRequestException("resolution", "must be minute or hour, got " + resolution);
        }
        List<MetricPoint> points =
                metrics.series(QueryParams.text(metric), QueryParams.text(group), start, end, unit.equals("hour"));
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (MetricPoint point : points) {
            JsonObjectBuilder json =
                    Json.createObjectBuilder().add("at", point.at().toString()).add("value", point.value());
            if (point.latency() != null) {
                json.add("latency", latency(point.latency()));
            }
            array.add(json);
        }
        return Json.createObjectBuilder()
                .add("metric", metric)
                .add("group", group)
                .add("resolution", unit)
                .add("points", array)
                .build()
                .toString();
    }

    private static JsonObjectBuilder latency(LatencySummary latency) {
        return Json.createObjectBuilder()
                .add("count", latency.count())
                .add("p50Ms", latency.p50Ms())
                .add("p95Ms", latency.p95Ms())
                .add("p99Ms", latency.p99Ms())
                .add("maxMs", latency.maxMs());
    }
}
