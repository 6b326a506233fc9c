package io.tideflow.queue.alerts;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.AlertView;
import io.tideflow.queue.api.admin.Alerts;
import io.tideflow.queue.store.reporting.AlertStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** {@link Alerts} over the {@code alerts} table. */
@Stateless
public class AlertsBean implements Alerts {

    @Inject
    AlertStore store;

    @Override
    public List<AlertView> list(boolean activeOnly, int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidTaskRequestException("limit", "must be between 1 and 500, got " + limit);
        }
        return store.newest(activeOnly, limit);
    }
}
