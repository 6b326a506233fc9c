package io.tideflow.it.support;

import io.tideflow.queue.api.event.TaskEscalated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;

/** Records every escalation as a side effect {@code escalated-<task id>}, readable through the effects resource. */
@ApplicationScoped
public class EscalationRecorder {

    @Inject
    EffectsTable effects;

    void onEscalation(@Observes TaskEscalated escalated) throws SQLException {
        effects.write("escalated-" + escalated.id().value(), escalated.attempt());
    }
}
