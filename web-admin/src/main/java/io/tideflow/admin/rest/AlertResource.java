package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.AlertsBody;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.Alerts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The alerts the configured rules raised, newest first (needs {@code tideflow-viewer}). */
@Path("/alerts")
@Tag(name = "alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    Alerts alerts;

    @Operation(operationId = "alertsList", summary = "List alerts, newest first")
    @GET
    public AlertsBody list(
            @QueryParam("active") @DefaultValue("false") String active,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        if (!active.equals("true") && !active.equals("false")) {
            throw new InvalidTaskRequestException("active", "must be true or false, got " + active);
        }
        int most;
        try {
            most = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new InvalidTaskRequestException("limit", "must be a whole number, got " + limit);
        }
        return AlertsBody.of(alerts.list(Boolean.parseBoolean(active), most));
    }
}
