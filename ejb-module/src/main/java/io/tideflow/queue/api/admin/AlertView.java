package io.tideflow.queue.api.admin;

import java.time.Instant;

/**
 * An alert: raised when its rule's condition held for a group, cleared when it stopped holding.
 *
 * @param observed  what was measured when it was raised (a ratio, or seconds)
 * @param threshold the rule's threshold in the same unit
 * @param clearedAt null while the alert is active
 */
public record AlertView(
        long id,
        String rule,
        AlertKind kind,
        String group,
        Instant raisedAt,
        Instant clearedAt,
        double observed,
        double threshold,
        String message,
        String raisedBy) {

    public boolean active() {
        return clearedAt == null;
    }
}
