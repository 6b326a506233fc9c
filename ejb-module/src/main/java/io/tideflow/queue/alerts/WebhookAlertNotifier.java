package io.tideflow.queue.alerts;

import io.tideflow.queue.api.admin.AlertNotifier;
import io.tideflow.queue.api.admin.AlertView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The webhook as a notifier: the raise or clear already wrote its post to the outbox, in the alert's own transaction
 * ({@link AlertTransactions}); this asks the {@link WebhookDeliverer} to post it now rather than at its next run.
 * Nothing happens without {@code tideflow.alerts.webhook.url}.
 */
@ApplicationScoped
public class WebhookAlertNotifier implements AlertNotifier {

    @Inject
    WebhookDeliverer deliverer;

    @Override
    public void raised(AlertView alert) {
        deliverer.wake();
    }

    @Override
    public void cleared(AlertView alert) {
        deliverer.wake();
    }
}
