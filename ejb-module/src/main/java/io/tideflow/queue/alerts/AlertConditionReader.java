package io.tideflow.queue.alerts;

import io.tideflow.queue.api.admin.MetricQueries;
import io.tideflow.queue.config.AlertRule;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.store.NodeRegistry;
import io.tideflow.queue.store.reporting.MetricHistoryStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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

    /**
     * The node that evaluates the rules: the alive node first by name. One evaluator keeps nodes whose views differ a
     * little (a breaker seen a moment apart) from raising and clearing the same alert in turn.
     */
    public Optional<String> evaluator(Instant now) {
        return nodes.firstAlive(now, settings.heartbeatInterval().multipliedBy(3));
    }
}
