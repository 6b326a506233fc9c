package io.tideflow.admin.events;

import io.tideflow.queue.api.event.BreakerStateChanged;
import io.tideflow.queue.api.event.ChunkFinished;
import io.tideflow.queue.api.event.GroupPaused;
import io.tideflow.queue.api.event.GroupResumed;
import io.tideflow.queue.api.event.LifecycleEvent;
import io.tideflow.queue.api.event.TaskLifecycleEvent;
import java.util.function.Predicate;

/**
 * Which events a subscriber wants: those of one group, of one task type, or both; none given, every event. An event
 * without a type (a group paused, a breaker changed) passes a type filter only when there is none.
 *
 * @param group the resource group, or null for any
 * @param type the task type, or null for any
 */
public record EventFilter(String group, String type) implements Predicate<LifecycleEvent> {

    @Override
    public boolean test(LifecycleEvent event) {
        return (group == null || group.equals(groupOf(event))) && (type == null || type.equals(typeOf(event)));
    }

    /** The resource group the event concerns. */
    public static String groupOf(LifecycleEvent event) {
        if (event instanceof TaskLifecycleEvent task) {
            return task.group();
        }
        if (event instanceof BreakerStateChanged breaker) {
            return breaker.group();
        }
        if (event instanceof GroupPaused paused) {
            return paused.group();
        }
        if (event instanceof GroupResumed resumed) {
            return resumed.group();
        }
        if (event instanceof ChunkFinished chunk) {
            return chunk.group();
        }
        throw new IllegalArgumentException("an event of an unknown kind: " + event);
    }

    /** The task type the event concerns, or null for an event of a group or a breaker. */
    public static String typeOf(LifecycleEvent event) {
        if (event instanceof TaskLifecycleEvent task) {
            return task.type();
        }
        if (event instanceof ChunkFinished chunk) {
            return chunk.type();
        }
        return null;
    }
}
