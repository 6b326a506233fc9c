package io.tideflow.queue.enqueue;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.event.TaskEnqueued;
import io.tideflow.queue.groups.GroupCensus;
import io.tideflow.queue.store.NewTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The enqueue flow's ports as a store would answer them, recording what the flow did and in which order. */
final class RecordingPorts implements EnqueuePorts {
    private final List<String> steps;

    RecordingPorts(List<String> steps) {
        this.steps = steps;
    }

    final List<NewTask> persisted = new ArrayList<>();
    final List<TaskEnqueued> events = new ArrayList<>();
    final List<String> wokenGroups = new ArrayList<>();
    final List<Integer> persistedTogether = new ArrayList<>();
    final Map<String, TaskId> keys = new HashMap<>();
    /** Keys a concurrent transaction committed after the flow looked them up: the store refuses them. */
    final Map<String, TaskId> committedByRacers = new HashMap<>();

    final Set<String> refusedGroups = new HashSet<>();

    @Override
    public Optional<TaskId> findByIdempotencyKey(String key) {
        return Optional.ofNullable(keys.get(key));
    }

    @Override
    public Optional<TaskId> persist(NewTask task) {
        steps.add("persist");
        TaskId racer = committedByRacers.get(task.idempotencyKey());
        if (racer != null) {
            return Optional.of(racer);
        }
        // the store's unique key on idempotency_key refuses a second row
        if (task.idempotencyKey() != null && keys.containsKey(task.idempotencyKey())) {
            return Optional.of(keys.get(task.idempotencyKey()));
        }
        persisted.add(task);
        if (task.idempotencyKey() != null) {
            keys.put(task.idempotencyKey(), task.id());
        }
        return Optional.empty();
    }

    @Override
    public Map<String, TaskId> persistAll(List<NewTask> tasks) {
        persistedTogether.add(tasks.size());
        Map<String, TaskId> held = new HashMap<>();
        for (NewTask task : tasks) {
            persist(task).ifPresent(holder -> held.put(task.idempotencyKey(), holder));
        }
        return held;
    }

    @Override
    public Optional<GroupCensus.Refusal> admitGroups(Collection<String> groups) {
        return groups.stream()
                .filter(refusedGroups::contains)
                .findFirst()
                .map(group -> new GroupCensus.Refusal(group, "is over the cap"));
    }

    @Override
    public void fireEnqueued(TaskEnqueued event) {
        steps.add("event");
        events.add(event);
    }

    @Override
    public void wakeDispatcherAfterCommit(String group) {
        steps.add("wake");
        wokenGroups.add(group);
    }
}
