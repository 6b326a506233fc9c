package io.tideflow.queue.alerts;

import io.tideflow.queue.api.admin.AlertView;
import io.tideflow.queue.config.AlertRule;
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

    public AlertView raise(AlertEvaluator.Firing firing, Instant at, String node) {
        AlertRule rule = firing.rule();
        return alerts.raise(
                rule.name(),
                rule.kind(),
                firing.group(),
                at,
                firing.observed(),
                rule.threshold(),
                firing.message(),
                node);
    }

    public Optional<AlertView> clear(AlertView active, Instant at) {
        return alerts.clear(active.rule(), active.group(), at);
    }

    public List<AlertView> active() {
        return alerts.active();
    }
}
