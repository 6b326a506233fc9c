package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.SeriesBody;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.MetricPoint;
import io.tideflow.queue.api.admin.MetricQueries;
import io.tideflow.queue.api.admin.MetricsSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The metric history: a summary over a time range, and one figure's series (needs {@code tideflow-viewer}). */
@Path("/metrics")
@Tag(name = "metrics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MetricResource {

    @Inject
    MetricQueries metrics;

    /** Every group's figures (or one group's) over {@code [from, to)}; the last hour by default. */
    @Operation(
            operationId = "metricsSummary",
            summary = "Per group: counts, throughput, error rate and percentiles over a range")
    @GET
    @Path("/summary")
    public MetricsSummary summary(
            @QueryParam("from") Instant from, @QueryParam("to") Instant to, @QueryParam("group") String group) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofHours(1)) : from;
        return metrics.summary(start, end, QueryParams.text(group));
    }

    /** One figure of one group per minute ({@code resolution=minute}, the default) or per hour. */
    @Operation(operationId = "metricsSeries", summary = "One figure of one group (or all) per minute or hour")
    @GET
    @Path("/series")
    public SeriesBody series(
            @QueryParam("metric") String metric,
            @QueryParam("group") String group,
            @QueryParam("from") Instant from,
            @QueryParam("to") Instant to,
            @QueryParam("resolution") @DefaultValue("minute") String resolution) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofHours(1)) : from;
        String unit = resolution.trim().toLowerCase(Locale.ROOT);
        if (!unit.equals("minute") && !unit.equals("hour")) {
            throw new InvalidTaskRequestException("resolution", "must be minute or hour, got " + resolution);
        }
        List<MetricPoint> points =
                metrics.series(QueryParams.text(metric), QueryParams.text(group), start, end, unit.equals("hour"));
        return new SeriesBody(metric, group, unit, points);
    }
}
