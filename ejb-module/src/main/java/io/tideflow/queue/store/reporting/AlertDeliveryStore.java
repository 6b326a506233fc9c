package io.tideflow.queue.store.reporting;

import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.ColumnText;
import io.tideflow.queue.store.StoreDialect;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The webhook's outbox ({@code alert_deliveries}), in the caller's transaction: one row per alert raised or cleared,
 * written with the alert itself; each attempt to post it is claimed with a conditional update, so one node posts it at
 * a time, and a claim that is not settled (the node stopped mid-post) expires and is taken again.
 */
public class AlertDeliveryStore {

    /** The next attempt of a delivery that is done (delivered or abandoned). */
    public static final long NEVER = Long.MAX_VALUE;

    /** A claimed attempt: {@code claimedUntil} fences its settlement, {@code attempts} counts this one. */
    public record Delivery(long id, long alertId, String event, String body, int attempts, long claimedUntil) {}

    /** A delivery as it stands, for operators and tests. */
    public record DeliveryState(long id, int attempts, long nextAttemptAt, Long deliveredAt, String lastError) {}

    private final SqlRunner sql;

    public AlertDeliveryStore(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
    }

    /** Adds the delivery of one raise or clear, due at once; a second one for the same alert and event is ignored. */
    public void add(long alertId, String event, String body, Instant now) {
        sql.insertIfAbsent("delivery.insertIfAbsent", alertId, event, body, now.toEpochMilli(), now.toEpochMilli());
    }

    /** Claims up to {@code limit} due deliveries until {@code until}; those another node took first are left out. */
    public List<Delivery> claimDue(Instant now, Instant until, int limit) {
        List<Delivery> due = sql.list(
                "delivery.due",
                limit,
                row -> new Delivery(
                        row.getLong(1),
                        row.getLong(2),
                        row.getString(3),
                        row.getString(4),
                        row.getInt(5),
                        row.getLong(6)),
                now.toEpochMilli());
        List<Delivery> claimed = new ArrayList<>();
        for (Delivery delivery : due) {
            if (sql.update("delivery.claim", until.toEpochMilli(), delivery.id(), delivery.claimedUntil()) == 1) {
                claimed.add(new Delivery(
                        delivery.id(),
                        delivery.alertId(),
                        delivery.event(),
                        delivery.body(),
                        delivery.attempts() + 1,
                        until.toEpochMilli()));
            }
        }
        return claimed;
    }

    /** @return false when the claim had expired and another node took the delivery meanwhile */
    public boolean delivered(Delivery delivery, Instant now) {
        return sql.update("delivery.delivered", now.toEpochMilli(), delivery.id(), delivery.claimedUntil()) == 1;
    }

    /** Records a failed attempt; {@code nextAttempt} null abandons the delivery. */
    public boolean failed(Delivery delivery, Instant nextAttempt, String error) {
        return sql.update(
                        "delivery.failed",
                        nextAttempt == null ? NEVER : nextAttempt.toEpochMilli(),
                        ColumnText.fit(error, 1000),
                        delivery.id(),
                        delivery.claimedUntil())
                == 1;
    }

    public Optional<DeliveryState> find(long alertId, String event) {
        return sql.first(
                "delivery.find",
                row -> {
                    long delivered = row.getLong(7);
                    Long deliveredAt = row.wasNull() ? null : delivered;
                    return new DeliveryState(
                            row.getLong(1), row.getInt(5), row.getLong(6), deliveredAt, row.getString(8));
                },
                alertId,
                event);
    }
}
