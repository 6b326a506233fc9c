package io.tideflow.it.support;

import io.tideflow.queue.api.TaskEnqueued;
import io.tideflow.queue.api.TaskLifecycleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import java.sql.SQLException;

/**
 * An application's asynchronous observer of Tideflow's lifecycle events: records {@code async-<event>-<task id>}
 * for every task event, and {@code async-enqueued-in-<group>} for every enqueue, as side effects the tests read.
 */
@ApplicationScoped
public class LifecycleRecorder {

    @Inject
    EffectsTable effects;

    void onTaskEvent(@ObservesAsync TaskLifecycleEvent event) throws SQLException {
        effects.writeAutonomously("async-" + event.getClass().getSimpleName() + "-" + event.id().value(), 0);
        if (event instanceof TaskEnqueued enqueued) {
            effects.writeAutonomously("async-enqueued-in-" + enqueued.group(), 0);
        }
    }
}
