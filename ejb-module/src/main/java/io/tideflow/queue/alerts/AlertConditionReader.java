package io.tideflow.queue.alerts;

import io.tideflow.queue.api.admin.MetricQueries;
import io.tideflow.queue.config.AlertRule;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.history.HistoryMetric;
import io.tideflow.queue.history.SampledFigure;
import io.tideflow.queue.store.NodeRegistry;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import io.tideflow.queue.store.reporting.MetricRow.Resolution;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads what the alert rules need, in a transaction. */
@Stateless
public class AlertConditionReader {

    @Inject
    MetricQueries history;

    @Inject
    MetricHistoryStore store;

    @Inject
    NodeRegistry nodes;

    @Inject
    EngineSettings settings;

    public Map<String, GroupCondition> conditions(AlertRule rule, Instant now, LiveSample live) {
        return AlertConditions.of(rule, now, live, history, store);
    }

    /** The minute rows the anomaly detector reads: indexed ranges of four figures, and the nodes registered now. */
    public AnomalyDetector.Input anomalyInput(Instant now, AnomalyDetector.Sensitivity sensitivity) {
        long from = Resolution.MINUTE.floor(
                now.minus(AnomalyDetector.SPAN).minus(AnomalyDetector.WINDOW).toEpochMilli());
        long to = now.toEpochMilli() + Resolution.MINUTE.millis();
        Set<String> registered = new HashSet<>();
        nodes.all(now, settings.heartbeatInterval().multipliedBy(3)).forEach(node -> registered.add(node.id()));
        return new AnomalyDetector.Input(
                now,
                store.figureBetween(Resolution.MINUTE, from, to, HistoryMetric.RUN),
                store.figureBetween(Resolution.MINUTE, from, to, HistoryMetric.COMPLETED),
                store.figureBetween(Resolution.MINUTE, from, to, HistoryMetric.FAILED),
                store.figureBetween(Resolution.MINUTE, from, to, SampledFigure.GROUP_PENDING),
                store.figureBetween(Resolution.MINUTE, from, to, SampledFigure.WORKERS),
                registered,
                sensitivity);
    }

    /** Whether {@code node} is the one that evaluates the rules (and runs the other once-per-cluster work) now. */
    public boolean isEvaluator(String node, Instant now) {
        return evaluator(now).map(node::equals).orElse(false);
    }

    /**
     * The node that evaluates the rules: the alive node first by name. One evaluator keeps nodes whose views differ a
     * little (a breaker seen a moment apart) from raising and clearing the same alert in turn.
     */
    public Optional<String> evaluator(Instant now) {
        return nodes.firstAlive(now, settings.heartbeatInterval().multipliedBy(3));
    }
}
