package io.tideflow.queue.alerts;

import io.tideflow.queue.store.reporting.AlertDeliveryStore;
import io.tideflow.queue.store.reporting.AlertDeliveryStore.Delivery;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Each step of a webhook delivery in a transaction of its own: the post itself runs between them, in none. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryTransactions {

    @Inject
    AlertDeliveryStore deliveries;

    public List<Delivery> claimDue(Instant now, Instant until, int limit) {
        return deliveries.claimDue(now, until, limit);
    }

    public boolean delivered(Delivery delivery, Instant now) {
        return deliveries.delivered(delivery, now);
    }

    public boolean failed(Delivery delivery, Instant nextAttempt, String error) {
        return deliveries.failed(delivery, nextAttempt, error);
    }
}
