package io.tideflow.admin.rest;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.AlertView;
import io.tideflow.queue.api.admin.Alerts;
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

/** The alerts the configured rules raised, newest first (needs {@code tideflow-viewer}). */
@Path("/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    Alerts alerts;

    @GET
    public String list(
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
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (AlertView alert : alerts.list(Boolean.parseBoolean(active), most)) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("id", alert.id())
                    .add("rule", alert.rule())
                    .add("kind", alert.kind().name())
                    .add("group", alert.group())
                    .add("active", alert.active())
                    .add("raisedAt", alert.raisedAt().toString())
                    .add("observed", alert.observed())
                    .add("threshold", alert.threshold())
                    .add("message", alert.message())
                    .add("raisedBy", alert.raisedBy());
            if (alert.clearedAt() != null) {
                json.add("clearedAt", alert.clearedAt().toString());
            }
            array.add(json);
        }
        return Json.createObjectBuilder().add("alerts", array).build().toString();
    }
}
