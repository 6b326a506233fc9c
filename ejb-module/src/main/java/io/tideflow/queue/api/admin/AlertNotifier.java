package io.tideflow.queue.api.admin;

/**
 * Told when an alert is raised and when it is cleared, once across the cluster. Tideflow has a log notifier and, when
 * {@code tideflow.alerts.webhook.url} is set, a webhook notifier; an application adds its own by making a CDI bean
 * that implements this interface. Called on a managed executor thread: a slow notifier delays no other.
 */
public interface AlertNotifier {

    void raised(AlertView alert);

    void cleared(AlertView alert);
}
