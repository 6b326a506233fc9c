package io.tideflow.queue.lease;

import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.execution.AttemptRegistry;
import io.tideflow.queue.execution.RunningAttempt;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this node's row in the node registry fresh, and its running attempts honest: extends their leases every
 * heartbeat interval, passes cancel requests
 * on to their handlers, and interrupts attempts that ran past their timeout (and stops extending their leases, so a
 * hung attempt is rescued by the lease's expiry).
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaseKeeper {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    AttemptRegistry attempts;

    @Inject
    LeaseTransactions leases;

    @Inject
    EngineSettings settings;

    @Inject
    Clock clock;

    @Inject
    ClockSkew skew;

    private RepeatingWork beat;
    private Instant startedAt;

    @PostConstruct
    void start() {
        startedAt = clock.instant();
        beat = RepeatingWork.start(
                threads, "tideflow-lease-keeper", Duration.ZERO, settings.heartbeatInterval(), this::keep);
    }

    @PreDestroy
    void stop() {
        // interrupts a heartbeat still waiting for the application to finish starting, which a failed start never does;
        // one cut short at shutdown loses nothing, the node leaves the registry next
        beat.stop(Duration.ZERO);
        try {
            leases.leave();
        } catch (RuntimeException e) {
            // the row then ages like a crashed node's: listed as not alive after three heartbeat intervals
            LOG.log(Level.FINE, "leaving the node registry failed", e);
        }
    }

    void keep() {
        try {
            measureSkew();
            List<RunningAttempt> running = attempts.snapshot();
            leases.beat(startedAt, running.size());
            if (running.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            List<RunningAttempt> inTime =
                    running.stream().filter(a -> !now.isAfter(a.deadline())).toList();
            running.stream().filter(a -> now.isAfter(a.deadline())).forEach(RunningAttempt::interruptOnce);
            for (RunningAttempt lost : leases.heartbeat(inTime)) {
                if (!attempts.isRunning(lost) || lost.isHandlerDone()) {
                    // its completion (or failure) holds the row or committed since the snapshot: that conditional
                    // write decides whether the lease was still ours, and says so if it was not
                    continue;
                }
                lost.loseLease();
                LOG.warning(() -> "task " + lost.task().id() + " of type '"
                        + lost.task().type()
                        + "': heartbeat refused, the lease is no longer this node's; its completion will be refused");
            }
            Set<String> cancel = leases.cancelRequestedAmong(
                    running.stream().map(a -> a.task().id().value()).toList());
            running.stream().filter(a -> cancel.contains(a.task().id().value())).forEach(RunningAttempt::requestCancel);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "extending leases failed; the next heartbeat tries again", e);
        }
    }

    private void measureSkew() {
        Instant sentAt = clock.instant();
        leases.databaseTime().ifPresent(databaseTime -> skew.measured(sentAt, databaseTime, clock.instant()));
    }
}
