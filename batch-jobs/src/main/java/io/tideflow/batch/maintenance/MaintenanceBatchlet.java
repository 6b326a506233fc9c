package io.tideflow.batch.maintenance;

import io.tideflow.batch.export.ExportFiles;
import io.tideflow.queue.api.admin.Maintenance;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One step of {@code tideflow-maintenance}, named by its {@code work} property: {@code archive}, {@code purge},
 * {@code metric-history}, {@code export-files} or {@code executions}. Its exit status says how much it did
 * ({@code "archived 12"}), which the batch executions list shows per step.
 */
@Named("tideflowMaintenanceBatchlet")
@Dependent
public class MaintenanceBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String work;

    @Inject
    Maintenance maintenance;

    @Inject
    ExportFiles exports;

    @Inject
    EndedExecutions executions;

    @Inject
    @ConfigProperty(name = "tideflow.export.retention", defaultValue = "P7D")
    Duration exportRetention;

    @Inject
    @ConfigProperty(name = "tideflow.batch.execution-retention", defaultValue = "P30D")
    Duration executionRetention;

    @Override
    public String process() {
        return switch (work) {
            case "archive" -> "archived " + maintenance.archiveFinished();
            case "purge" -> "deleted " + maintenance.purgeExpired();
            case "metric-history" -> "deleted " + maintenance.deleteExpiredMetricHistory();
            case "export-files" -> "deleted " + exports.deleteOlderThan(exportRetention);
            case "executions" ->
                "forgot " + executions.forgetStartedBefore(Instant.now().minus(executionRetention));
            default -> throw new IllegalArgumentException("tideflowMaintenanceBatchlet: unknown work '" + work + "'");
        };
    }
}
