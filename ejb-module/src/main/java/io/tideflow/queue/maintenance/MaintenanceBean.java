package io.tideflow.queue.maintenance;

import io.tideflow.queue.api.admin.Maintenance;
import io.tideflow.queue.archive.TaskArchiver;
import io.tideflow.queue.config.ArchiveSettings;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.history.MetricHistory;
import io.tideflow.queue.store.NodeRegistry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * {@link Maintenance} over the archiver and the metric history, which run their work in transactions of their own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MaintenanceBean implements Maintenance {

    @Inject
    TaskArchiver archiver;

    @Inject
    MetricHistory history;

    @Inject
    ArchiveSettings archive;

    @Inject
    EngineSettings engine;

    @Inject
    NodeRegistry nodes;

    @Inject
    Clock clock;

    @Override
    public void handOverToBatchJobs() {
        archiver.handOver(true);
        history.handOverRetention(true);
    }

    @Override
    public void takeBack() {
        archiver.handOver(false);
        history.handOverRetention(false);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean runsHere() {
        return nodes.firstAlive(clock.instant(), engine.heartbeatInterval().multipliedBy(3))
                .map(engine.nodeId()::equals)
                .orElse(false);
    }

    @Override
    public Duration interval() {
        return archive.interval();
    }

    @Override
    public int archiveFinished() {
        return archiver.archiveFinished();
    }

    @Override
    public int purgeExpired() {
        return archiver.purgeExpired();
    }

    @Override
    public int deleteExpiredMetricHistory() {
        return history.deleteExpired();
    }
}
