package io.tideflow.queue.health;

import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.dispatch.TaskDispatcher;
import io.tideflow.queue.lease.ClockSkew;
import io.tideflow.queue.schema.SchemaBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers, the schema is migrated, (unless the node only submits) the dispatcher runs, and
 * this node's clock is within {@code tideflow.clock.max-skew} of the database's.
 */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Inject
    SchemaBootstrap schema;

    @Inject
    TaskDispatcher dispatcher;

    @Inject
    EngineSettings settings;

    @Inject
    ClockSkew skew;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("tideflow-ready").withData("node", settings.nodeId());
        boolean migrated = schema.dialect() != null;
        response.withData("schema", migrated ? "migrated (" + schema.dialect() + ")" : "not migrated");
        String database = databaseState(migrated);
        response.withData("database", database);
        boolean dispatching =
                !settings.dispatcherEnabled() || dispatcher.vitals().isPresent();
        response.withData(
                "dispatcher",
                !settings.dispatcherEnabled()
                        ? "disabled (submit-only node)"
                        : dispatching ? "running" : "not started");
        response.withData(
                "clockSkew",
                skew.skew().toMillis() + " ms" + (skew.trustworthy() ? "" : " (beyond " + skew.maxSkew() + ")"));
        return response.status(migrated && database.equals("reachable") && dispatching && skew.trustworthy())
                .build();
    }

    private String databaseState(boolean migrated) {
        if (!migrated) {
            return "unknown";
        }
        try (Connection connection = schema.dataSource().getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS) ? "reachable" : "not answering";
        } catch (SQLException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
