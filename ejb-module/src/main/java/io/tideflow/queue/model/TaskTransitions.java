package io.tideflow.queue.model;

import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

import static io.tideflow.queue.api.TaskState.ARCHIVED;
import static io.tideflow.queue.api.TaskState.CANCELLED;
import static io.tideflow.queue.api.TaskState.COMPLETED;
import static io.tideflow.queue.api.TaskState.DEAD_LETTER;
import static io.tideflow.queue.api.TaskState.FAILED;
import static io.tideflow.queue.api.TaskState.PENDING;
import static io.tideflow.queue.api.TaskState.RUNNING;

/** The one table of allowed state changes, as the design's "State Transition Rules" give it. */
public final class TaskTransitions {

    private static final Map<TaskState, EnumSet<TaskState>> ALLOWED = new EnumMap<>(TaskState.class);

    static {
        ALLOWED.put(PENDING, EnumSet.of(RUNNING, CANCELLED));
        ALLOWED.put(RUNNING, EnumSet.of(COMPLETED, FAILED));
        ALLOWED.put(COMPLETED, EnumSet.of(ARCHIVED));
        ALLOWED.put(FAILED, EnumSet.of(PENDING, DEAD_LETTER));
        ALLOWED.put(CANCELLED, EnumSet.of(ARCHIVED));
        ALLOWED.put(ARCHIVED, EnumSet.noneOf(TaskState.class));
        ALLOWED.put(DEAD_LETTER, EnumSet.noneOf(TaskState.class));
    }

    private TaskTransitions() {
    }

    public static boolean isAllowed(TaskState from, TaskState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Throws unless the transition is in the table, with the task named in the message. */
    public static void requireAllowed(TaskId id, String type, TaskState from, TaskState to) {
        if (!isAllowed(from, to)) {
            throw new IllegalTransitionException(id, type, from, to);
        }
    }

    /** Fails fast when an engine operation is written for a transition the table forbids. */
    public static void checkEngineTransition(TaskState from, TaskState to) {
        if (!isAllowed(from, to)) {
            throw new IllegalStateException("transition " + from + " -> " + to + " is not in the table; this indicates a bug");
        }
    }

    /** The states a task may move to from {@code from}. */
    public static EnumSet<TaskState> targetsOf(TaskState from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }
}
