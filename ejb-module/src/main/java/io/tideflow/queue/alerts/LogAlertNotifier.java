package io.tideflow.queue.alerts;

import io.tideflow.queue.api.admin.AlertNotifier;
import io.tideflow.queue.api.admin.AlertView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/** Logs alerts to the server log (category {@code io.tideflow.alerts}): WARNING when raised, INFO when cleared. */
@ApplicationScoped
public class LogAlertNotifier implements AlertNotifier {

    private static final Logger LOG = Logger.getLogger("io.tideflow.alerts");

    @Override
    public void raised(AlertView alert) {
        LOG.warning(() ->
                "ALERT " + alert.rule() + " [" + alert.kind() + "] group " + alert.group() + ": " + alert.message());
    }

    @Override
    public void cleared(AlertView alert) {
        LOG.info(() -> "CLEARED " + alert.rule() + " [" + alert.kind() + "] group " + alert.group() + " (raised "
                + alert.raisedAt() + ")");
    }
}
