package io.tideflow.queue.recurring;

import io.tideflow.queue.api.TideflowException;
import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ScheduleSettings;
import io.tideflow.queue.handler.TaskHandlerExtension;
import io.tideflow.queue.handler.TaskHandlerRegistry;
import io.tideflow.queue.store.recurring.ScheduleDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Writes the declared schedules at deployment, then fires due slots on every node: each poll is one indexed read of
 * the schedules whose next slot has come (nothing else while none has), and a transaction per due schedule. Every node
 * polls, so a schedule fires while any node is up; the firing's version check lets one node per slot through.
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduleFirer {

    private static final Logger LOG = Logger.getLogger(ScheduleFirer.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ScheduleTransactions transactions;

    @Inject
    ScheduleSettings settings;

    @Inject
    EngineSettings engine;

    @Inject
    TaskHandlerExtension handlers;

    @Inject
    TaskHandlerRegistry catalog;

    @Inject
    Config config;

    @Inject
    Clock clock;

    private RepeatingWork polls;

    @PostConstruct
    void applyDeclaredAndStart() {
        Map<String, ScheduleDefinition> declared =
                DeclaredSchedules.of(handlers.recurringTypes(config), settings, catalog, engine);
        try {
            transactions.applyDeclared(declared, clock.instant());
        } catch (EJBException firstTry) {
            // two nodes deploying together may both insert a schedule; the second try finds it
            transactions.applyDeclared(declared, clock.instant());
        }
        if (!declared.isEmpty()) {
            LOG.info(() -> "Tideflow recurring schedules declared: " + declared.keySet());
        }
        polls = RepeatingWork.start(
                threads, "tideflow-schedule-firer", settings.pollInterval(), settings.pollInterval(), this::fireDue);
    }

    @PreDestroy
    void stop() {
        if (polls != null) {
            polls.stop();
        }
    }

    void fireDue() {
        Instant now = clock.instant();
        List<String> due;
        try {
            due = transactions.dueNames(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Tideflow could not read the due schedules; the next poll tries again", e);
            return;
        }
        for (String name : due) {
            fire(name, now);
        }
    }

    private void fire(String name, Instant now) {
        try {
            transactions.fire(name, now);
        } catch (RuntimeException e) {
            TideflowException refused = refusal(e);
            if (refused == null) {
                LOG.log(Level.WARNING, "Tideflow schedule '" + name + "' did not fire; the next poll tries again", e);
                return;
            }
            // the engine refused the slot's task (its type has no handler any more, say): trying again cannot help
            String reason = refused.getMessage();
            LOG.warning(() -> "Tideflow schedule '" + name + "' skips its due slots: " + reason);
            try {
                transactions.recordFailure(name, now, reason);
            } catch (RuntimeException alsoFailed) {
                LOG.log(Level.WARNING, "Tideflow schedule '" + name + "': the failure was not recorded", alsoFailed);
            }
        }
    }

    private static TideflowException refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TideflowException refused) {
                return refused;
            }
        }
        return null;
    }
}
