package io.tideflow.queue.bootstrap;

import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.enqueue.TaskIdGenerator;
import io.tideflow.queue.schema.SchemaBootstrap;
import io.tideflow.queue.store.CompletionWriter;
import io.tideflow.queue.store.LeaseStore;
import io.tideflow.queue.store.NodeRegistry;
import io.tideflow.queue.store.StoreDialect;
import io.tideflow.queue.store.TaskArchive;
import io.tideflow.queue.store.TaskHistory;
import io.tideflow.queue.store.TaskReader;
import io.tideflow.queue.store.TaskStore;
import io.tideflow.queue.store.groups.BreakerStore;
import io.tideflow.queue.store.groups.GroupStore;
import io.tideflow.queue.store.reporting.AlertStore;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.ReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Produces the engine's shared collaborators; tests build the same objects by hand. Immutable values are
 * {@code @Singleton} (no client proxy), so they are created, and validated, where they are first injected.
 */
@ApplicationScoped
public class EngineProducers {

    @PersistenceContext(unitName = "tideflow")
    EntityManager em;

    @Produces
    TaskArchive taskArchive(TaskHistory history) {
        return new TaskArchive(em, history);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Inject
    SchemaBootstrap schema;

    @Produces
    @Singleton
    StoreDialect storeDialect() {
        return StoreDialect.of(schema.dialect());
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
    CompletionWriter completionWriter(EngineSettings settings) {
        return new CompletionWriter(em, settings.nodeId());
    }

    @Produces
    BreakerStore breakerStore() {
        return new BreakerStore(em);
    }

    @Produces
    GroupStore groupStore() {
        return new GroupStore(em);
    }

    @Produces
    NodeRegistry nodeRegistry() {
        return new NodeRegistry(em);
    }

    @Produces
    TaskHistory taskHistory(EngineSettings settings) {
        return new TaskHistory(em, settings.nodeId());
    }

    @Produces
    AlertStore alertStore() {
        return new AlertStore(em);
    }

    @Produces
    ReportStore reportStore() {
        return new ReportStore(em);
    }

    @Produces
    MetricHistoryStore metricHistoryStore() {
        return new MetricHistoryStore(em);
    }

    @Produces
    TaskReader taskReader() {
        return new TaskReader(em);
    }

    @Produces
    @Singleton
    TaskIdGenerator taskIdGenerator(Clock clock) {
        return new TaskIdGenerator(clock);
    }
}
