package io.tideflow.queue.lease;

import io.tideflow.queue.config.ClockSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The difference between this node's clock and the database's, measured at every heartbeat. While it is beyond
 * {@code tideflow.clock.max-skew} the node claims nothing and rescues nothing (its leases and its idea of an expired
 * lease would be wrong for the other nodes) and its readiness is DOWN; it goes on running what it holds.
 */
@ApplicationScoped
public class ClockSkew {

    private static final Logger LOG = Logger.getLogger(ClockSkew.class.getName());

    @Inject
    ClockSettings settings;

    private volatile Duration skew = Duration.ZERO;
    private volatile boolean trustworthy = true;

    /**
     * Records one measurement: the database's time, read between {@code sentAt} and {@code answeredAt} of this
     * node's clock. The midpoint of the round trip stands for the moment the database read its clock.
     */
    public void measured(Instant sentAt, Instant databaseTime, Instant answeredAt) {
        Instant midpoint = sentAt.plus(Duration.between(sentAt, answeredAt).dividedBy(2));
        Duration measured = Duration.between(databaseTime, midpoint);
        boolean within = measured.abs().compareTo(settings.maxSkew()) <= 0;
        skew = measured;
        if (within != trustworthy) {
            trustworthy = within;
            if (within) {
                LOG.info(() -> "this node's clock is within " + settings.maxSkew() + " of the database's again ("
                        + measured + "); claiming and rescuing resume");
            } else {
                LOG.warning(() -> "this node's clock is " + measured + " off the database's, more than "
                        + settings.maxSkew() + " (tideflow.clock.max-skew): it claims and rescues nothing and reports"
                        + " not ready until its clock is synchronised (NTP)");
            }
        }
    }

    /** This node's clock minus the database's, as last measured (zero on Derby, which runs in this JVM). */
    public Duration skew() {
        return skew;
    }

    /** Whether the last measurement was within the bound: claims and rescues may rely on this node's clock. */
    public boolean trustworthy() {
        return trustworthy;
    }

    public Duration maxSkew() {
        return settings.maxSkew();
    }
}
