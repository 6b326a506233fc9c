package io.tideflow.queue.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.store.reporting.AlertDeliveryStore;
import io.tideflow.queue.store.reporting.AlertDeliveryStore.Delivery;
import io.tideflow.queue.store.reporting.AlertDeliveryStore.DeliveryState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The webhook's outbox: a raise or clear is added once, each attempt is claimed by one node, a claim left unsettled
 * is taken again after it expires, and a failed attempt waits for its next time.
 */
abstract class AlertDeliveryContract extends DatabaseContract {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void aDeliveryIsAddedOnceClaimedByOneNodeAndDeliveredOnce() {
        add(7, "raised");
        add(7, "raised");

        List<Delivery> first = claim(T, T.plusSeconds(300));
        List<Delivery> second = claim(T, T.plusSeconds(301));

        assertThat(first).singleElement().satisfies(delivery -> {
            assertThat(delivery.alertId()).isEqualTo(7);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.body()).isEqualTo("{\"event\":\"raised\"}");
        });
        assertThat(second).as("claimed already").isEmpty();
        assertThat(db.<Boolean>inTransaction(em -> store(em).delivered(first.get(0), T.plusSeconds(1))))
                .isTrue();
        assertThat(state(7, "raised").deliveredAt()).isEqualTo(T.plusSeconds(1).toEpochMilli());
        assertThat(claim(T.plusSeconds(10_000), T.plusSeconds(10_300)))
                .as("delivered")
                .isEmpty();
    }

    @Test
    void aFailedAttemptWaitsForItsNextTimeAndAnUnsettledClaimIsTakenAgainWhenItExpires() {
        add(8, "cleared");
        Delivery attempt = claim(T, T.plusSeconds(300)).get(0);
        assertThat(db.<Boolean>inTransaction(em -> store(em).failed(attempt, T.plusSeconds(5), "answered 500")))
                .isTrue();
        assertThat(claim(T.plusSeconds(4), T.plusSeconds(304)))
                .as("not due yet")
                .isEmpty();

        Delivery retry = claim(T.plusSeconds(5), T.plusSeconds(305)).get(0);
        assertThat(retry.attempts()).isEqualTo(2);
        // the node that took the retry stopped mid-post: its claim expires and another node takes it
        Delivery rescued = claim(T.plusSeconds(305), T.plusSeconds(605)).get(0);
        assertThat(rescued.attempts()).isEqualTo(3);
        assertThat(db.<Boolean>inTransaction(em -> store(em).delivered(retry, T.plusSeconds(306))))
                .as("the expired claim's late settlement")
                .isFalse();
        assertThat(db.<Boolean>inTransaction(em -> store(em).failed(rescued, null, "abandoned")))
                .isTrue();
        DeliveryState abandoned = state(8, "cleared");
        assertThat(abandoned.nextAttemptAt()).isEqualTo(AlertDeliveryStore.NEVER);
        assertThat(abandoned.lastError()).isEqualTo("abandoned");
        assertThat(abandoned.deliveredAt()).isNull();
    }

    private void add(long alertId, String event) {
        db.inTransaction(em -> {
            store(em).add(alertId, event, "{\"event\":\"" + event + "\"}", T);
            return null;
        });
    }

    private List<Delivery> claim(Instant now, Instant until) {
        return db.inTransaction(em -> store(em).claimDue(now, until, 10));
    }

    private DeliveryState state(long alertId, String event) {
        return db.inTransaction(em -> store(em).find(alertId, event)).orElseThrow();
    }

    private AlertDeliveryStore store(jakarta.persistence.EntityManager em) {
        return new AlertDeliveryStore(em, db.dialect());
    }
}
