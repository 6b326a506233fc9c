package io.tideflow.queue.alerts;

import io.tideflow.queue.api.admin.AlertView;
import io.tideflow.queue.config.AlertRule;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.store.reporting.AlertDeliveryStore;
import io.tideflow.queue.store.reporting.AlertStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each raise and each clear in a transaction of its own, so that one lost race rolls back only itself. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AlertTransactions {

    @Inject
    AlertStore alerts;

    @Inject
    AlertDeliveryStore deliveries;

    @Inject
    ObservabilitySettings settings;

    /** Raises the alert and, with a webhook set, writes its post to the outbox in the same transaction. */
    public AlertView raise(AlertEvaluator.Firing firing, Instant at, String node) {
        AlertRule rule = firing.rule();
        AlertView raised = alerts.raise(
                rule.name(),
                rule.kind(),
                firing.group(),
                at,
                firing.observed(),
                rule.threshold(),
                firing.message(),
                node);
        toWebhook("raised", raised, at);
        return raised;
    }

    /** Clears the alert and, with a webhook set, writes its post to the outbox in the same transaction. */
    public Optional<AlertView> clear(AlertView active, Instant at) {
        Optional<AlertView> cleared = alerts.clear(active.rule(), active.group(), at);
        cleared.ifPresent(alert -> toWebhook("cleared", alert, at));
        return cleared;
    }

    private void toWebhook(String event, AlertView alert, Instant at) {
        if (settings.webhookUrl() != null) {
            deliveries.add(alert.id(), event, WebhookPost.body(event, alert), at);
        }
    }

    public List<AlertView> active() {
        return alerts.active();
    }
}
