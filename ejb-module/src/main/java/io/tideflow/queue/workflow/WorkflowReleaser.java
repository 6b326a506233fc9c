package io.tideflow.queue.workflow;

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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves waiting workflow steps on, on every node: cancels those a failed predecessor dooms (their own dependants
 * follow in the next round), releases those whose predecessors have all ended, in batches, until nothing changes.
 * It runs right after a task of this node ends while steps wait ({@link PredecessorEndings}) and every poll interval
 * besides; with no step waiting, a run is one indexed read.
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkflowReleaser {

    private static final Logger LOG = Logger.getLogger(WorkflowReleaser.class.getName());
    private static final int BATCH = 500;
    private static final Duration PAUSE = Duration.ofMillis(20);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    WorkflowTransactions transactions;

    @Inject
    PredecessorEndings endings;

    @Inject
    EngineSettings settings;

    private RepeatingWork runs;

    @PostConstruct
    void start() {
        runs = RepeatingWork.start(
                threads, "tideflow-workflow-releaser", settings.pollInterval(), settings.pollInterval(), this::run);
        endings.attach(runs::runSoon);
    }

    @PreDestroy
    void stop() {
        endings.attach(null);
        if (runs != null) {
            runs.stop();
        }
    }

    void run() {
        try {
            boolean waiting = transactions.anyWaiting();
            endings.stepsWaiting(waiting);
            if (!waiting) {
                return;
            }
            int changed;
            do {
                changed = transactions.cancelDoomed(BATCH) + transactions.releaseReady(BATCH);
            } while (changed > 0);
            // while a wide fan-out drains, every end asks for a run: a short pause makes them share runs
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Tideflow's workflow releaser failed; its next run tries again", e);
        }
    }
}
