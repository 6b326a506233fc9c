package io.tideflow.queue.insights;

import io.tideflow.queue.alerts.AlertConditionReader;
import io.tideflow.queue.api.admin.Insight;
import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ObservabilitySettings;
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
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the performance analyzer every {@code tideflow.insights.interval} on the node that evaluates the alert rules
 * (the first alive node by name), so one set of insights is written per interval across the cluster.
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InsightRunner {

    private static final Logger LOG = Logger.getLogger(InsightRunner.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    InsightTransactions transactions;

    @Inject
    AlertConditionReader evaluators;

    @Inject
    ObservabilitySettings settings;

    @Inject
    EngineSettings engine;

    @Inject
    Clock clock;

    private RepeatingWork analyses;

    @PostConstruct
    void start() {
        if (!settings.historyEnabled()) {
            return;
        }
        analyses = RepeatingWork.start(
                threads, "tideflow-insights", settings.insightsInterval(), settings.insightsInterval(), this::analyze);
    }

    @PreDestroy
    void stop() {
        if (analyses != null) {
            analyses.stop();
        }
    }

    void analyze() {
        try {
            Instant now = clock.instant();
            if (!evaluators.isEvaluator(engine.nodeId(), now)) {
                return;
            }
            List<Insight> found = PerformanceAnalyzer.analyze(transactions.read(now, settings.insightsWindow()));
            transactions.write(now, found);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the performance analysis failed; the next one tries again", e);
        }
    }
}
