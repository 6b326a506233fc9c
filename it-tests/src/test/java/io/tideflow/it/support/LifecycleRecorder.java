package io.tideflow.it.support;

import io.tideflow.queue.api.event.TaskEnqueued;
import io.tideflow.queue.api.event.TaskLifecycleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.sql.SQLException;

/**
 * An application's asynchronous observer of Tideflow's lifecycle events: records {@code async-<event>-<task id>}
 * for every event of a task in a group named {@code observed-...} or {@code child-of-...}, and
 * {@code async-enqueued-in-<group>} for their enqueues, as side effects the tests read (other groups are left alone,
 * so that the load tests write no side effects of their own).
 */
@ApplicationScoped
public class LifecycleRecorder {

    @Inject
    EffectsTable effects;

    void onTaskEvent(@ObservesAsync TaskLifecycleEvent event) throws SQLException {
        if (!event.group().startsWith("observed-") && !event.group().startsWith("child-of-")) {
            return;
        }
        effects.writeAutonomously(
                "async-" + event.getClass().getSimpleName() + "-" + event.id().value(), 0);
        if (event instanceof TaskEnqueued enqueued) {
            effects.writeAutonomously("async-enqueued-in-" + enqueued.group(), 0);
        }
    }
}
