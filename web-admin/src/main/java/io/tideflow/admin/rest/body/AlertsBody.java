package io.tideflow.admin.rest.body;

import io.tideflow.queue.api.admin.AlertKind;
import io.tideflow.queue.api.admin.AlertView;
import java.time.Instant;
import java.util.List;

/** Alerts, newest first; {@code clearedAt} is absent while one is active. */
public record AlertsBody(List<Alert> alerts) {

    public record Alert(
            long id,
            String rule,
            AlertKind kind,
            String group,
            boolean active,
            Instant raisedAt,
            Instant clearedAt,
            double observed,
            double threshold,
            String message,
            String raisedBy) {}

    public static AlertsBody of(List<AlertView> alerts) {
        return new AlertsBody(alerts.stream()
                .map(a -> new Alert(
                        a.id(),
                        a.rule(),
                        a.kind(),
                        a.group(),
                        a.active(),
                        a.raisedAt(),
                        a.clearedAt(),
                        a.observed(),
                        a.threshold(),
                        a.message(),
                        a.raisedBy()))
                .toList());
    }
}
