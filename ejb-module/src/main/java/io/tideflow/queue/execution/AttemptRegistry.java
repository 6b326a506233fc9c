package io.tideflow.queue.execution;

import io.tideflow.queue.api.TaskId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The attempts running on this node now. */
@ApplicationScoped
public class AttemptRegistry {

    private final Map<TaskId, RunningAttempt> running = new ConcurrentHashMap<>();

    public void add(RunningAttempt attempt) {
        running.put(attempt.task().id(), attempt);
    }

    public void remove(RunningAttempt attempt) {
        running.remove(attempt.task().id(), attempt);
    }

    /** Whether this attempt (not merely another attempt of its task) is still running here. */
    public boolean isRunning(RunningAttempt attempt) {
        return running.get(attempt.task().id()) == attempt;
    }

    public List<RunningAttempt> snapshot() {
        return List.copyOf(running.values());
    }

    /** The attempts whose worker still holds them: what the node's workers and its groups' limits are busy with. */
    public List<RunningAttempt> onWorkers() {
        return running.values().stream().filter(RunningAttempt::isOnItsWorker).toList();
    }

    public int size() {
        return running.size();
    }
}
