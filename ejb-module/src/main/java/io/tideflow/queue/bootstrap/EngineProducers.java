package io.tideflow.queue.bootstrap;

import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.enqueue.TaskIdGenerator;
import io.tideflow.queue.schema.DatabaseDialect;
import io.tideflow.queue.schema.EngineDataSource;
import io.tideflow.queue.store.CompletionWriter;
import io.tideflow.queue.store.LeaseStore;
import io.tideflow.queue.store.NodeRegistry;
import io.tideflow.queue.store.StoreDialect;
import io.tideflow.queue.store.TaskArchive;
import io.tideflow.queue.store.TaskHistory;
import io.tideflow.queue.store.TaskReader;
import io.tideflow.queue.store.TaskStore;
import io.tideflow.queue.store.WaitingTasks;
import io.tideflow.queue.store.batch.BatchExecutionLog;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupActionLog;
import io.tideflow.queue.store.groups.GroupStore;
import io.tideflow.queue.store.recurring.ScheduleStore;
import io.tideflow.queue.store.reporting.AlertDeliveryStore;
import io.tideflow.queue.store.reporting.AlertStore;
import io.tideflow.queue.store.reporting.InsightStore;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.ReportStore;
import io.tideflow.queue.store.workflow.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;

/**
 * Produces the engine's shared collaborators; tests build the same objects by hand. Immutable values are
 * {@code @Singleton} (no client proxy), so they are created, and validated, where they are first injected.
 */
@ApplicationScoped
public class EngineProducers {

    @PersistenceContext(unitName = "tideflow")
    EntityManager em;

    @Produces
    TaskArchive taskArchive(TaskHistory history, StoreDialect dialect) {
        return new TaskArchive(em, dialect, history);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Looked up rather than asked of SchemaBootstrap: see {@link EngineDataSource}. */
    @Produces
    @Singleton
    StoreDialect storeDialect(Config config) {
        return StoreDialect.of(DatabaseDialect.of(EngineDataSource.locate(config)));
    }

    @Produces
    TaskStore taskStore(EngineSettings settings, StoreDialect dialect) {
        return new TaskStore(em, settings.nodeId(), dialect);
    }

    @Produces
    LeaseStore leaseStore(EngineSettings settings, StoreDialect dialect) {
        return new LeaseStore(em, settings.nodeId(), dialect);
    }

    @Produces
    CompletionWriter completionWriter(EngineSettings settings, StoreDialect dialect) {
        return new CompletionWriter(em, settings.nodeId(), dialect);
    }

    @Produces
    BreakerStore breakerStore(StoreDialect dialect) {
        return new BreakerStore(em, dialect);
    }

    @Produces
    GroupStore groupStore(StoreDialect dialect) {
        return new GroupStore(em, dialect);
    }

    @Produces
    WaitingTasks waitingTasks(EngineSettings settings, StoreDialect dialect) {
        return new WaitingTasks(em, settings.nodeId(), dialect);
    }

    @Produces
    WorkflowStore workflowStore(StoreDialect dialect) {
        return new WorkflowStore(em, dialect);
    }

    @Produces
    ScheduleStore scheduleStore(StoreDialect dialect) {
        return new ScheduleStore(em, dialect);
    }

    @Produces
    GroupActionLog groupActionLog(StoreDialect dialect) {
        return new GroupActionLog(em, dialect);
    }

    @Produces
    BatchExecutionLog batchExecutionLog(StoreDialect dialect) {
        return new BatchExecutionLog(em, dialect);
    }

    @Produces
    NodeRegistry nodeRegistry(StoreDialect dialect) {
        return new NodeRegistry(em, dialect);
    }

    @Produces
    TaskHistory taskHistory(EngineSettings settings, StoreDialect dialect) {
        return new TaskHistory(em, settings.nodeId(), dialect);
    }

    @Produces
    AlertStore alertStore(StoreDialect dialect) {
        return new AlertStore(em, dialect);
    }

    @Produces
    AlertDeliveryStore alertDeliveryStore(StoreDialect dialect) {
        return new AlertDeliveryStore(em, dialect);
    }

    @Produces
    ReportStore reportStore(StoreDialect dialect) {
        return new ReportStore(em, dialect);
    }

    @Produces
    InsightStore insightStore(StoreDialect dialect) {
        return new InsightStore(em, dialect);
    }

    @Produces
    MetricHistoryStore metricHistoryStore(StoreDialect dialect) {
        return new MetricHistoryStore(em, dialect);
    }

    @Produces
    TaskReader taskReader(StoreDialect dialect) {
        return new TaskReader(em, dialect);
    }

    @Produces
    @Singleton
    TaskIdGenerator taskIdGenerator(Clock clock) {
        return new TaskIdGenerator(clock);
    }
}
