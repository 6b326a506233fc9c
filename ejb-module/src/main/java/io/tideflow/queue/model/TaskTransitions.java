package io.tideflow.queue.model;

import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/** The table of allowed state changes, made from the {@link Transition} values: nothing else adds an edge. */
public final class TaskTransitions {

    private static final Map<TaskState, EnumSet<TaskState>> ALLOWED = new EnumMap<>(TaskState.class);

    static {
        for (TaskState state : TaskState.values()) {
            ALLOWED.put(state, EnumSet.noneOf(TaskState.class));
        }
        for (Transition transition : Transition.values()) {
            if (transition.from() != null) {
                ALLOWED.get(transition.from()).add(transition.to());
            }
        }
    }

    private TaskTransitions() {}

    public static boolean isAllowed(TaskState from, TaskState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Throws unless the transition is in the table, with the task named in the message. */
    public static void requireAllowed(TaskId id, String type, TaskState from, TaskState to) {
        if (!isAllowed(from, to)) {
            throw new IllegalTransitionException(id, type, from, to);
        }
    }

    /** The states a task may move to from {@code from}. */
    public static EnumSet<TaskState> targetsOf(TaskState from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }
}
