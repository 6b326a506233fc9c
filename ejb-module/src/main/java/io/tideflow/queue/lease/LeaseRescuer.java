package io.tideflow.queue.lease;

import io.tideflow.queue.api.worker.FailureVerdict;
import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.EngineSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes back tasks whose lease ran out (their node died, hung or lost the database): RUNNING → FAILED "lease expired",
 * retried with backoff, or DEAD_LETTER when out of attempts. Runs on every node at once, in bounded batches, each
 * rescue conditional on the token it read, so it is idempotent and never overrides a completion. At start it first
 * rescues the tasks this node itself held when it went down, without waiting for their leases.
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaseRescuer {

    private static final Logger LOG = Logger.getLogger(LeaseRescuer.class.getName());
    private static final int BATCH = 100;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    LeaseTransactions leases;

    @Inject
    EngineSettings settings;

    @Inject
    ClockSkew skew;

    private RepeatingWork rescues;

    @PostConstruct
    void recoverAndStart() {
        try {
            List<FailureVerdict> orphans = leases.rescueOrphans();
            if (!orphans.isEmpty()) {
                LOG.info(() -> "Tideflow node '" + settings.nodeId() + "' restarted holding " + orphans.size()
                        + " running tasks; rescued: " + orphans);
            }
        } catch (RuntimeException e) {
            // a node must start even when its tasks cannot be taken back now (their rows locked, the database slow):
            // their leases expire and the rescue below takes them then
            LOG.log(
                    Level.WARNING,
                    "tasks this node held before it restarted could not be rescued at start; they are rescued once"
                            + " their leases expire",
                    e);
        }
        Duration every = settings.rescueInterval();
        rescues = RepeatingWork.start(threads, "tideflow-lease-rescuer", every, every, this::rescueExpired);
    }

    @PreDestroy
    void stop() {
        if (rescues != null) {
            rescues.stop();
        }
    }

    void rescueExpired() {
        // with this node's clock off the database's, a lease that looks expired here may be live elsewhere
        if (!skew.trustworthy()) {
            return;
        }
        try {
            List<FailureVerdict> batch;
            do {
                batch = leases.rescueExpired(BATCH);
                if (!batch.isEmpty()) {
                    List<FailureVerdict> done = batch;
                    LOG.warning(() -> "Tideflow rescued " + done.size() + " tasks with expired leases: " + done);
                }
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "lease rescue failed; the next run tries again", e);
        }
    }
}
